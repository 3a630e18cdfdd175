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

import {
  tenantNameSchema,
  tenantRequestSchema,
  tenantUpgradeRequestSchema,
} from '@ray-service/plugin-ray-service-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseInput } from '../lib/validation';
import { credentialsOf } from './credentials';
import { RouterDeps } from './types';
import { pageRequestOf } from './validation';

const tenantParamsSchema = z.object({ name: tenantNameSchema });

/**
 * `/tenants`: creating needs `ray-service.tenant.create`; reading, upgrading
 * and deleting the tenant's resource permissions (404 for tenants the caller
 * may not read).
 */
export function tenantsRouter({ tenants, httpAuth }: RouterDeps) {
  const router = Router();
  const caller = credentialsOf(httpAuth);
  router.post('/tenants/plan', async (req, res) => {
    const request = parseInput(tenantRequestSchema, req.body);
    res.json(await tenants.plan(await caller(req), request));
  });
  router.post('/tenants', async (req, res) => {
    const request = parseInput(tenantRequestSchema, req.body);
    res.status(201).json(await tenants.create(await caller(req), request));
  });
  router.get('/tenants', async (req, res) => {
    const page = pageRequestOf(req);
    res.json(await tenants.list(await caller(req), page));
  });
  router.get('/tenants/:name', async (req, res) => {
    const { name } = parseInput(tenantParamsSchema, req.params);
    res.json(await tenants.get(await caller(req), name));
  });
  router.post('/tenants/:name/upgrade', async (req, res) => {
    const { name } = parseInput(tenantParamsSchema, req.params);
    const { templateVersion } = parseInput(
      tenantUpgradeRequestSchema,
      req.body,
    );
    res.json(await tenants.upgrade(await caller(req), name, templateVersion));
  });
  router.delete('/tenants/:name', async (req, res) => {
    const { name } = parseInput(tenantParamsSchema, req.params);
    res.status(202).json(await tenants.delete(await caller(req), name));
  });
  return router;
}
