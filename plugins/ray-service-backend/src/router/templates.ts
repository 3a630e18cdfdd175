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
  templateSharingRequestSchema,
  templateVersionActionSchema,
  templateVersionDocumentSchema,
} from '@ray-service/plugin-ray-service-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { parse as parseYaml, YAMLError } from 'yaml';
import { parseInput, ValidationError } from '../lib/validation';
import { credentialsOf } from './credentials';
import { RouterDeps } from './types';
import { pageRequestOf, templateVersionParamsSchema } from './validation';

/** Content types of YAML import documents; anything else is read as JSON. */
export const YAML_CONTENT_TYPES = [
  'application/yaml',
  'text/yaml',
  'application/x-yaml',
];

const VERSION_PATH = '/templates/:name@:version';

/** The body of an import: YAML text, or a JSON object express has parsed. */
function documentOf(req: Request): unknown {
  if (typeof req.body !== 'string') {
    return req.body;
  }
  try {
    return parseYaml(req.body);
  } catch (error) {
    if (error instanceof YAMLError) {
      throw ValidationError.of(
        [],
        `the body is not valid YAML: ${error.message}`,
      );
    }
    throw error;
  }
}

/**
 * `/templates`: tenant template versions, addressed as `{name}@{version}`.
 * Admins import, move through the lifecycle, share and delete drafts; others
 * see published and deprecated versions shared with their groups.
 */
export function templatesRouter({ templates, httpAuth }: RouterDeps) {
  const router = Router();
  const caller = credentialsOf(httpAuth);
  router.get('/templates', async (req, res) => {
    const page = pageRequestOf(req);
    res.json(await templates.list(await caller(req), page));
  });
  router.post(
    '/templates',
    express.text({ type: YAML_CONTENT_TYPES, limit: '1mb' }),
    async (req, res) => {
      const document = parseInput(
        templateVersionDocumentSchema,
        documentOf(req),
      );
      res.status(201).json(await templates.import(await caller(req), document));
    },
  );
  router.get(VERSION_PATH, async (req, res) => {
    const key = parseInput(templateVersionParamsSchema, req.params);
    res.json(await templates.get(await caller(req), key));
  });
  router.delete(VERSION_PATH, async (req, res) => {
    const key = parseInput(templateVersionParamsSchema, req.params);
    await templates.delete(await caller(req), key);
    res.status(204).end();
  });
  for (const action of templateVersionActionSchema.options) {
    router.post(`${VERSION_PATH}/${action}`, async (req, res) => {
      const key = parseInput(templateVersionParamsSchema, req.params);
      res.json(await templates.transition(await caller(req), key, action));
    });
  }
  router.put(`${VERSION_PATH}/sharing`, async (req, res) => {
    const key = parseInput(templateVersionParamsSchema, req.params);
    const { sharedWith } = parseInput(templateSharingRequestSchema, req.body);
    res.json(await templates.setSharing(await caller(req), key, sharedWith));
  });
  return router;
}
