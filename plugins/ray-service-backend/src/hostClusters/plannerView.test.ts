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

import type { HostClusterConfig } from '../config';
import type { PreflightResult } from './preflight';
import { hostClusterInput } from './plannerView';

const config: HostClusterConfig = {
  name: 'gpu-east',
  title: 'GPU East',
  skipTLSVerify: false,
  baseDomain: 'ray.example.com',
  auth: { type: 'inCluster' },
};

const preflight: PreflightResult = {
  checks: [],
  deliveryController: 'flux',
  ingressClassName: 'nginx',
  passed: true,
};

describe('hostClusterInput', () => {
  it('passes vclusterApiExposure on to the planner', () => {
    expect(
      hostClusterInput(
        { ...config, vclusterApiExposure: 'ingress' },
        preflight,
      ),
    ).toEqual({
      name: 'gpu-east',
      deliveryController: 'flux',
      ingressClassName: 'nginx',
      baseDomain: 'ray.example.com',
      vclusterApiExposure: 'ingress',
    });
  });

  it('leaves it out when not configured (the planner defaults to clusterDns)', () => {
    expect(hostClusterInput(config, preflight)).not.toHaveProperty(
      'vclusterApiExposure',
    );
  });
});
