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
 * Scaffolder module with the ray:* actions of Ray as a Service:
 * `ray:tenant:create`, `ray:cluster:create`, `ray:job:submit` and
 * `ray:service:deploy`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleRayActions as default } from './module';
export { createTenantAction } from './actions/createTenant';
export { createClusterAction } from './actions/createCluster';
export { submitJobAction } from './actions/submitJob';
export { deployServiceAction } from './actions/deployService';
export type { Clock, RayActionDeps } from './lib/deps';
