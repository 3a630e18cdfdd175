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

import { RouteDefinition } from '@ray-service/plugin-ray-service-common';
import { stringify } from 'yaml';
import { openapiDocument } from './openapiDocument';

/** The package's openapi.yaml, as generated from the contract. */
export function openapiYaml(contract: Record<string, RouteDefinition>): string {
  const document = openapiDocument(contract, {
    title: 'ray-service',
    version: '0.1.0',
  });
  return `# Generated from the REST contract (rayServiceApi in @ray-service/plugin-ray-service-common).\n# Do not edit: run \`yarn workspace @ray-service/plugin-ray-service-backend build:openapi\`.\n${stringify(
    document,
    { aliasDuplicateObjects: false, lineWidth: 0 },
  )}`;
}
