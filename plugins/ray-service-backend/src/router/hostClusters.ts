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

import { hostClusterFactsSchema } from '@ray-service/plugin-ray-service-common';
import Router from 'express-promise-router';
import { parseInput } from '../lib/validation';
import { credentialsOf } from './credentials';
import { RouterDeps } from './types';
import { nameParamsSchema, pageRequestOf } from './validation';

/** `/host-clusters`: the configured clusters with facts and reachability (admins only). */
export function hostClustersRouter({ hostClusters, httpAuth }: RouterDeps) {
  const router = Router();
  const caller = credentialsOf(httpAuth);
  router.get('/host-clusters', async (req, res) => {
    const page = pageRequestOf(req);
    res.json(await hostClusters.list(await caller(req), page));
  });
  router.get('/host-clusters/:name', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    res.json(await hostClusters.get(await caller(req), name));
  });
  router.patch('/host-clusters/:name', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    const facts = parseInput(hostClusterFactsSchema, req.body);
    res.json(await hostClusters.updateFacts(await caller(req), name, facts));
  });
  return router;
}
