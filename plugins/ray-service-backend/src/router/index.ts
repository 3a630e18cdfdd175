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

import { rayServiceApi } from '@ray-service/plugin-ray-service-common';
import express from 'express';
import Router from 'express-promise-router';
import { contractRouter } from './contractRouter';
import { rayServiceHandlers } from './handlers';
import { RouterDeps } from './types';
import { validationErrorHandler } from './validation';

export type { RouterDeps } from './types';

/** The plugin's REST API: the contract's routes, served by the handlers. */
export function createRouter(deps: RouterDeps): express.Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));
  router.use(
    contractRouter(rayServiceApi, rayServiceHandlers(deps), deps.httpAuth),
  );
  router.use(validationErrorHandler);
  return router;
}
