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

/**
 * Domain types, schemas, permissions and the typed REST client of the Ray
 * service, shared by its backend, frontend, scaffolder and catalog packages.
 *
 * @packageDocumentation
 */

export * from './allocation';
export * from './api';
export * from './audit';
export * from './catalog';
export * from './documents';
export * from './rest';
export * from './errors';
export * from './formValues';
export * from './events';
export * from './gpu';
export * from './groups';
export * from './hostClusterFacts';
export * from './hostClusters';
export * from './partitioning';
export * from './permissions';
export * from './pools';
export * from './profiles';
export * from './quantity';
export * from './templateLifecycle';
export * from './templates';
export * from './templateVersionRef';
export * from './tenants';
export {
  isDnsLabel,
  isDnsSubdomain,
  isSemver,
  semverSchema,
  slugSchema,
  timestampSchema,
} from './validation';
export * from './workloads';
