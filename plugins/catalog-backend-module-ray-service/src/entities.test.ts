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

import { tenant } from './__testUtils__/tenantApi';
import { tenantEntity } from './entities';

const CONTEXT = {
  namespace: 'default',
  platformOwner: 'group:default/platform-team',
  appBaseUrl: 'http://localhost:3000',
  apiBaseUrl: 'http://localhost:7007/api/ray-service',
};

describe('tenantEntity', () => {
  it("selects a claimed warm-pool tenant's objects by its namespace's key, not its name", () => {
    const entity = tenantEntity(
      { ...tenant('vision'), namespace: 'ray-wp-3k9x0q7m2a' },
      CONTEXT,
    );
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-namespace': 'ray-wp-3k9x0q7m2a',
      'backstage.io/kubernetes-label-selector':
        'ray-service.io/tenant=wp-3k9x0q7m2a',
      'ray-service.io/tenant': 'vision',
    });
    expect(entity.metadata.name).toBe('vision');
  });
});
