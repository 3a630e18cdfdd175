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

import { resolve } from 'node:path';
import request from 'supertest';
import {
  callers,
  startRayServiceTestBackend,
} from '../__testUtils__/testBackend';

const SHIPPED = resolve(__dirname, '../../../../templates');

describe('the plugin with bootstrap sources configured', () => {
  it('serves the shipped content from its first start', async () => {
    const { server } = await startRayServiceTestBackend({
      config: {
        rayService: {
          bootstrap: {
            templateVersionsDir: resolve(SHIPPED, 'tenant-versions'),
            profilesFile: resolve(SHIPPED, 'compute-profiles.yaml'),
          },
        },
      },
    });
    const names = async (path: string, caller: string) => {
      const response = await request(server)
        .get(`/api/ray-service${path}`)
        .set('Authorization', caller);
      return response.body.items.map(
        (item: { name: string; version?: string }) =>
          item.version ? `${item.name}@${item.version}` : item.name,
      );
    };

    expect(await names('/profiles', callers.bravo)).toEqual([
      'large-mig',
      'medium',
      'small',
    ]);
    expect(await names('/templates', callers.alpha)).toEqual([
      'kuberay@1.0.0',
      'kuberay@2.0.0',
      'kuberay-air-gapped@1.0.0',
    ]);
    expect(await names('/templates', callers.bravo)).toEqual([
      'kuberay@1.0.0',
      'kuberay@2.0.0',
    ]);
  });
});
