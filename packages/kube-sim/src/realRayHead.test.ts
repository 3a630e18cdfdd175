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

import { readFileSync } from 'node:fs';
import type { KubeSim } from './index';
import { raw } from './__testUtils__/helpers';
import {
  createRay,
  rayClusterSpec,
  rayStatus,
  readyRayCluster,
  startRaySim,
} from './__testUtils__/ray';

/*
 * kube-sim in front of a real Ray head. Needs one: RAY_HEAD_URL (e.g. http://127.0.0.1:8265)
 * and, for a head with token auth, RAY_HEAD_TOKEN_FILE (the file of RAY_AUTH_TOKEN_PATH), as
 * the repository's scripts/ray-head.sh start prints them. Without it the test is skipped,
 * unless CI is set.
 */

jest.setTimeout(120_000);

const url = process.env.RAY_HEAD_URL;
const tokenFile = process.env.RAY_HEAD_TOKEN_FILE;
const token = tokenFile ? readFileSync(tokenFile, 'utf8').trim() : undefined;

if (!url) {
  if (process.env.CI)
    throw new Error('CI is set but RAY_HEAD_URL (a real Ray head) is not');
  // eslint-disable-next-line no-console
  console.warn(
    'realRayHead.test.ts: RAY_HEAD_URL not set (scripts/ray-head.sh start); skipping',
  );
}
const describeWithRay = url ? describe : describe.skip;

describeWithRay('kube-sim in front of a real Ray head', () => {
  let sim: KubeSim;
  const dashboard = (rest: string) =>
    `/api/v1/namespaces/team/services/rc-head-svc:dashboard/proxy${rest}`;

  beforeAll(async () => {
    sim = await startRaySim('team', {
      rayDashboard: { url: url!, token, pollMs: 200 },
    });
    await readyRayCluster(
      sim,
      'team',
      'rc',
      rayClusterSpec([], token ? { authOptions: { mode: 'token' } } : {}),
    );
  });
  afterAll(() => sim.stop());

  it('proxies to it with the token of the RayCluster Secret in X-Ray-Authorization', async () => {
    const secret = sim.objects.get('v1', 'Secret', 'team', 'rc');
    const secretToken = secret
      ? Buffer.from(secret.data.auth_token, 'base64').toString('utf8')
      : undefined;
    expect(secretToken).toBe(token);
    const headers: Record<string, string> = secretToken
      ? { 'X-Ray-Authorization': `Bearer ${secretToken}` }
      : {};
    const version = await raw(sim, 'GET', dashboard('/api/version'), {
      headers,
    });
    expect(version.status).toBe(200);
    expect(version.json.ray_version).toMatch(/^2\./);
    const slashless = await raw(sim, 'GET', dashboard('/api/jobs'), {
      headers,
    });
    expect(slashless).toMatchObject({ status: 404, text: '404: Not Found' });
    // the kube token (Authorization) never reaches Ray: without X-Ray-Authorization, 401
    const anonymous = await raw(sim, 'GET', dashboard('/api/version'));
    expect(anonymous.status).toBe(token ? 401 : 200);
  });

  it('runs a RayJob on it', async () => {
    await createRay(sim, 'team', 'RayJob', 'hello', {
      entrypoint: `python -c "print('hi from kube-sim')"`,
      clusterSelector: { 'ray.io/cluster': 'rc' },
      submissionMode: 'HTTPMode',
    });
    const done = await rayStatus(
      sim.objects,
      'team',
      'RayJob',
      'hello',
      s =>
        s.jobDeploymentStatus === 'Complete' ||
        s.jobDeploymentStatus === 'Failed',
      90_000,
    );
    expect(done.status.jobStatus).toBe('SUCCEEDED');
  });
});
