/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import Router from 'express-promise-router';
import { credentialsOf } from './credentials';
import { RouterDeps } from './types';
import { pageRequestOf } from './validation';

/** `/audit`: admins' changes and tenants' lifecycle, newest first (admins only). */
export function auditRouter({ audit, httpAuth }: RouterDeps) {
  const router = Router();
  const caller = credentialsOf(httpAuth);
  router.get('/audit', async (req, res) => {
    const page = pageRequestOf(req);
    res.json(await audit.list(await caller(req), page));
  });
  return router;
}
