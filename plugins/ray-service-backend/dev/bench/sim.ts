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

import { KubeSimOptions, startKubeSim } from '@ray-service/kube-sim';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The `rayService.hostClusters` entry of a kube-sim reached with `token`: host cluster `sim`. */
export function simHostCluster(
  sim: { url: string; caData: string },
  token: string,
) {
  return {
    name: 'sim',
    url: sim.url,
    caData: sim.caData,
    clusterIssuer: 'ray-service-ca',
    auth: { type: 'serviceAccountToken', token },
  };
}

/**
 * A well-equipped kube-sim in this process with quick controllers (Ready
 * after 50 ms) and a random token, and its entry in the backend's config.
 */
export async function startBenchSim(options: KubeSimOptions = {}) {
  const token = randomBytes(24).toString('hex');
  const sim = await startKubeSim({
    seed: 'well-equipped',
    token,
    controllers: { readyDelayMs: 50, namespaceFinalizeDelayMs: 50 },
    ...options,
  });
  return { sim, hostCluster: simHostCluster(sim, token) };
}

/** How to reach a kube-sim: its address, CA (base64) and token. */
export interface SimConnection {
  url: string;
  caData: string;
  token: string;
}

/**
 * kube-sim in a process of its own, as a host cluster is: its controllers
 * and API do not share the backend's event loop.
 */
export async function startSimProcess(options: {
  readyDelayMs: number;
}): Promise<SimConnection & { stop(): Promise<void> }> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-sim-'));
  const root = resolve(__dirname, '../../../..');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/kube-sim/src/main.ts',
      '--port',
      '0',
      '--state-dir',
      stateDir,
      '--token',
      randomBytes(24).toString('hex'),
      '--ready-delay-ms',
      String(options.readyDelayMs),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('kube-sim ready')) break;
  }
  const connection: SimConnection = JSON.parse(
    readFileSync(join(stateDir, 'connection.json'), 'utf8'),
  );
  return {
    ...connection,
    stop: async () => {
      const exited = new Promise(done => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
