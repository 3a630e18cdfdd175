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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { runCli, USAGE } from './cli';

describe('CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const io = (env: Record<string, string> = {}) => {
    const out: string[] = [];
    return {
      out,
      io: {
        stdout: { write: (s: string) => out.push(s) },
        stderr: { write: () => true },
        env,
        cwd: dir,
      },
    };
  };

  it('writes ca.crt, kubeconfig.yaml and connection.json and prints one ready line', async () => {
    const { out, io: cliIo } = io({ KUBE_SIM_TOKEN: 'from-env' });
    const result = await runCli(['--port', '0', '--seed', 'empty'], cliIo);
    try {
      expect(out).toEqual([`kube-sim ready ${result!.sim.url}\n`]);
      const state = path.join(dir, '.kube-sim');
      const conn = JSON.parse(
        fs.readFileSync(path.join(state, 'connection.json'), 'utf8'),
      );
      expect(conn).toEqual({
        url: result!.sim.url,
        caData: result!.sim.caData,
        token: 'from-env',
      });
      expect(fs.readFileSync(path.join(state, 'ca.crt'), 'utf8')).toContain(
        'BEGIN CERTIFICATE',
      );
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(path.join(state, 'kubeconfig.yaml'));
      const ns = await kc.makeApiClient(k8s.CoreV1Api).listNamespace();
      expect(ns.items.map(n => n.metadata?.name)).toEqual([
        'default',
        'kube-system',
      ]);
    } finally {
      await result!.stop();
    }
  });

  it('takes --token, --state-dir and --seed, and generates a token when none is given', async () => {
    const { io: a } = io();
    const r1 = await runCli(
      [
        '--port',
        '0',
        '--seed',
        'empty',
        '--state-dir',
        'state',
        '--token',
        'given',
      ],
      a,
    );
    await r1!.stop();
    expect(
      JSON.parse(
        fs.readFileSync(path.join(dir, 'state', 'connection.json'), 'utf8'),
      ).token,
    ).toBe('given');
    const { io: b } = io();
    const r2 = await runCli(
      ['--port', '0', '--seed', 'empty', '--state-dir', 'state2'],
      b,
    );
    await r2!.stop();
    expect(
      JSON.parse(
        fs.readFileSync(path.join(dir, 'state2', 'connection.json'), 'utf8'),
      ).token,
    ).toMatch(/^[\w-]{20,}$/);
  });

  it('prints usage for --help and rejects bad flags', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['--help'], cliIo)).toBeUndefined();
    expect(out.join('')).toBe(USAGE);
    await expect(runCli(['--seed', 'huge'], cliIo)).rejects.toThrow(/--seed/);
    await expect(runCli(['--port', 'x'], cliIo)).rejects.toThrow(/--port/);
    await expect(runCli(['--bogus'], cliIo)).rejects.toThrow();
  });
});
