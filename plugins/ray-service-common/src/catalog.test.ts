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

import { tenantEntityRef, tenantRayTabPath } from './catalog';

describe('the catalog entity of a tenant', () => {
  it('is a Resource named after the tenant in the default namespace', () => {
    expect(tenantEntityRef('demo')).toBe('resource:default/demo');
  });

  it('has its Ray tab under the entity page', () => {
    expect(tenantRayTabPath('demo')).toBe('/catalog/default/resource/demo/ray');
  });
});
