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

import { slugSchema } from '@ray-service/plugin-ray-service-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseInput } from '../lib/validation';
import { credentialsOf } from './credentials';
import { RouterDeps } from './types';
import { nameParamsSchema } from './validation';

/** `?serviceAccount=&namespace=&deliveryController=` of the RBAC document. */
const rbacQuerySchema = z.object({
  serviceAccount: slugSchema.default('ray-service-backend'),
  namespace: slugSchema.default('backstage'),
  deliveryController: z.enum(['flux', 'helmChart']).optional(),
});

/** What the portal reads from a host cluster: preflight, capacity, RBAC (admins only). */
export function hostClusterOperationsRouter({
  hostClusters,
  placement,
  httpAuth,
}: RouterDeps) {
  const router = Router();
  const caller = credentialsOf(httpAuth);
  router.get('/host-clusters/:name/preflight', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    res.json(await hostClusters.preflight(await caller(req), name));
  });
  router.get('/host-clusters/:name/capacity', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    res.json(await placement.capacityView(await caller(req), name));
  });
  router.get('/host-clusters/:name/rbac', async (req, res) => {
    const { name } = parseInput(nameParamsSchema, req.params);
    const request = parseInput(rbacQuerySchema, req.query);
    const yaml = await hostClusters.rbac(await caller(req), name, request);
    res.type('application/yaml').send(yaml);
  });
  return router;
}
