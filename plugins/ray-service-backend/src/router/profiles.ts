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

import { computeProfileInputSchema } from '@ray-service/plugin-ray-service-common';
import Router from 'express-promise-router';
import { parseInput } from '../lib/validation';
import { credentialsOf } from './credentials';
import { RouterDeps } from './types';
import { nameParamsSchema, pageRequestOf } from './validation';

/** `/profiles`: compute profiles; admins manage them, others see theirs. */
export function profilesRouter({ profiles, httpAuth }: RouterDeps) {
  const router = Router();
  const caller = credentialsOf(httpAuth);
  router.get('/profiles', async (req, res) => {
    const page = pageRequestOf(req);
    res.json(await profiles.list(await caller(req), page));
  });
  router.post('/profiles', async (req, res) => {
    const input = parseInput(computeProfileInputSchema, req.body);
    res.status(201).json(await profiles.create(await caller(req), input));
  });
  router.get('/profiles/:name', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    res.json(await profiles.get(await caller(req), name));
  });
  router.put('/profiles/:name', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    const input = parseInput(computeProfileInputSchema, req.body);
    res.json(await profiles.update(await caller(req), name, input));
  });
  router.delete('/profiles/:name', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    await profiles.delete(await caller(req), name);
    res.status(204).end();
  });
  return router;
}
