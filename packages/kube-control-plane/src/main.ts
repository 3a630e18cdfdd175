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

/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  binaryPath,
  controlPlaneAvailability,
  controlPlaneCacheRoot,
} from './binaries';
import { startControlPlane } from './controlPlane';
import type { DeliveryControllers, HostSeedName } from './seed';

const USAGE = `Usage: yarn k8s:start [options]

Starts a real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager) on
loopback, seeded like a host cluster, and keeps it up until Ctrl-C. Build it first with
\`yarn k8s:build\`.

Options:
  --kubeconfig <file>   where to write the admin kubeconfig
                        (default ${path.join(
                          controlPlaneCacheRoot(),
                          'kubeconfig',
                        )})
  --seed <name>         empty | well-equipped (default well-equipped)
  --delivery <name>     flux | k3s | both: whose Helm CRDs the host has (default flux)
  --crd-dir <dir>       folder with the upstream CRDs (default ../shared/conformance)
  --help                show this help
`;

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: T[],
): T | undefined {
  if (value === undefined || (allowed as string[]).includes(value))
    return value as T | undefined;
  throw new Error(
    `--${flag} must be one of ${allowed.join(', ')}, got ${value}`,
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      kubeconfig: { type: 'string' },
      seed: { type: 'string' },
      delivery: { type: 'string' },
      'crd-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const availability = controlPlaneAvailability();
  if (!availability.available) throw new Error(availability.message);
  const kubeconfigFile = path.resolve(
    values.kubeconfig ?? path.join(controlPlaneCacheRoot(), 'kubeconfig'),
  );

  const started = Date.now();
  const plane = await startControlPlane({
    seed: oneOf<HostSeedName>('seed', values.seed, ['empty', 'well-equipped']),
    deliveryController: oneOf<DeliveryControllers>(
      'delivery',
      values.delivery,
      ['flux', 'k3s', 'both'],
    ),
    crdDir: values['crd-dir'],
    log: message => console.log(`kube-control-plane: ${message}`),
  });
  fs.mkdirSync(path.dirname(kubeconfigFile), { recursive: true });
  fs.writeFileSync(kubeconfigFile, plane.kubeconfig(), { mode: 0o600 });
  console.log(
    [
      `kube-control-plane: ready at ${plane.url} after ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s`,
      `  kubeconfig: ${kubeconfigFile}`,
      `  try:        ${binaryPath(
        'kubectl',
      )} --kubeconfig ${kubeconfigFile} get nodes,crds`,
      `  logs:       ${plane.dir}/*.log`,
      'Ctrl-C stops it.',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`kube-control-plane: ${signal}, stopping`);
    fs.rmSync(kubeconfigFile, { force: true });
    plane.stop().then(
      () => process.exit(0),
      error => {
        console.error(`kube-control-plane: ${error}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch(error => {
  console.error(
    `kube-control-plane: ${
      error instanceof Error ? error.message : String(error)
    }`,
  );
  process.exit(1);
});
