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
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startKubeSim } from './server';
import type { KubeSim } from './types';
import { randomToken } from './util';

export const USAGE = `Usage: kube-sim [options]

A simulated Kubernetes API server (a test bed like kind or KWOK; never for production).

Options:
  --port <n>                 port to listen on (default 6443; 0 = ephemeral)
  --host <addr>              address to listen on (default 127.0.0.1)
  --seed <name>              empty | well-equipped (default well-equipped)
  --delivery <name>          flux | k3s: Helm delivery controller of the well-equipped seed (default flux)
  --token <token>            bearer token required from clients (default: $KUBE_SIM_TOKEN, else random)
  --state-dir <dir>          where ca.crt, kubeconfig.yaml and connection.json are written (default .kube-sim)
  --crd-dir <dir>            folder with upstream CRD YAMLs (default ../shared/conformance found from the cwd)
  --ready-delay-ms <n>       how long releases and Ray objects take to become ready (default 1500)
  --help                     show this help
`;

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliResult {
  sim: KubeSim;
  stateDir: string;
  stop(): Promise<void>;
}

function intFlag(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(
      `--${name} must be a non-negative integer, got ${JSON.stringify(v)}`,
    );
  return n;
}

/**
 * Runs the CLI: starts a sim, writes its connection files to the state dir and prints exactly
 * one line `kube-sim ready <url>` to stdout. Returns undefined for --help.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
): Promise<CliResult | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      delivery: { type: 'string' },
      token: { type: 'string' },
      'state-dir': { type: 'string' },
      'crd-dir': { type: 'string' },
      'ready-delay-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return undefined;
  }
  const seed = values.seed ?? 'well-equipped';
  if (seed !== 'empty' && seed !== 'well-equipped')
    throw new Error(
      `--seed must be empty or well-equipped, got ${JSON.stringify(seed)}`,
    );
  const delivery = values.delivery ?? 'flux';
  if (delivery !== 'flux' && delivery !== 'k3s')
    throw new Error(
      `--delivery must be flux or k3s, got ${JSON.stringify(delivery)}`,
    );
  const token = values.token ?? io.env.KUBE_SIM_TOKEN ?? randomToken();
  const stateDir = path.resolve(io.cwd, values['state-dir'] ?? '.kube-sim');
  const sim = await startKubeSim({
    port: intFlag('port', values.port, 6443),
    host: values.host ?? '127.0.0.1',
    seed,
    seedDeliveryController: delivery,
    token,
    crdDir: values['crd-dir']
      ? path.resolve(io.cwd, values['crd-dir'])
      : undefined,
    controllers: {
      readyDelayMs: intFlag('ready-delay-ms', values['ready-delay-ms'], 1500),
    },
  });
  try {
    fs.mkdirSync(stateDir, { recursive: true });
    fs.writeFileSync(path.join(stateDir, 'ca.crt'), sim.caPem);
    fs.writeFileSync(path.join(stateDir, 'kubeconfig.yaml'), sim.kubeconfig(), {
      mode: 0o600,
    });
    fs.writeFileSync(
      path.join(stateDir, 'connection.json'),
      `${JSON.stringify(
        { url: sim.url, caData: sim.caData, token },
        null,
        2,
      )}\n`,
      { mode: 0o600 },
    );
  } catch (e) {
    await sim.stop();
    throw e;
  }
  io.stdout.write(`kube-sim ready ${sim.url}\n`);
  return { sim, stateDir, stop: () => sim.stop() };
}
