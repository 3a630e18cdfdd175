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
import { RouterDeps } from './types';
import { pageRequestOf } from './validation';

const tenantParamsSchema = z.object({ name: tenantNameSchema });

/**
 * `/tenants`: creating needs `ray-service.tenant.create`; reading, upgrading
 * and deleting the tenant's resource permissions (404 for tenants the caller
 * may not read).
 */
export function tenantsRouter({ tenants, tenantAccess }: RouterDeps) {
  const router = Router();
  router.post('/tenants/plan', async (req, res) => {
    const request = parseInput(tenantRequestSchema, req.body);
    const caller = await tenantAccess.requireCreate(req);
    res.json(await tenants.plan(request, caller));
  });
  router.post('/tenants', async (req, res) => {
    const request = parseInput(tenantRequestSchema, req.body);
    const caller = await tenantAccess.requireCreate(req);
    res.status(201).json(await tenants.create(request, caller));
  });
  router.get('/tenants', async (req, res) => {
    const page = pageRequestOf(req);
    const filter = await tenantAccess.readFilter(req);
    res.json(await tenants.list(filter, page));
  });
  router.get('/tenants/:name', async (req, res) => {
    const { name } = parseInput(tenantParamsSchema, req.params);
    await tenantAccess.require(req, 'read', name);
    res.json(await tenants.get(name));
  });
  router.post('/tenants/:name/upgrade', async (req, res) => {
    const { name } = parseInput(tenantParamsSchema, req.params);
    const { templateVersion } = parseInput(
      tenantUpgradeRequestSchema,
      req.body,
    );
    const { actor } = await tenantAccess.require(req, 'update', name);
    res.json(await tenants.upgrade(name, templateVersion, actor));
  });
  router.delete('/tenants/:name', async (req, res) => {
    const { name } = parseInput(tenantParamsSchema, req.params);
    const { actor } = await tenantAccess.require(req, 'delete', name);
    res.status(202).json(await tenants.delete(name, actor));
  });
  return router;
}
