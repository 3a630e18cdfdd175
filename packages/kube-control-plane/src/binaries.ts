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

/** The Kubernetes release the build script builds (keep in step with scripts/build-control-plane.sh). */
export const KUBERNETES_VERSION = 'v1.34.4';

/** Set by .ci/run to the bin dir it built: the control plane is then required, not optional. */
export const BIN_DIR_ENV = 'RAY_SERVICE_K8S_BIN';

export const BINARIES = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kubectl',
] as const;
export type Binary = (typeof BINARIES)[number];

/** `${XDG_CACHE_HOME:-~/.cache}/ray-service/kube-control-plane`: builds, and the CLI's kubeconfig. */
export function controlPlaneCacheRoot(
  env: NodeJS.ProcessEnv = process.env,
): string {
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'ray-service', 'kube-control-plane');
}

/** Where the binaries are: `$RAY_SERVICE_K8S_BIN`, else the build script's cache dir. */
export function controlPlaneBinDir(
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (
    env[BIN_DIR_ENV] ||
    path.join(controlPlaneCacheRoot(env), KUBERNETES_VERSION, 'bin')
  );
}

export function binaryPath(binary: Binary, binDir = controlPlaneBinDir()) {
  return path.join(binDir, binary);
}

export interface ControlPlaneAvailability {
  available: boolean;
  binDir: string;
  missing: Binary[];
  /** Whether `$RAY_SERVICE_K8S_BIN` or `$CI` make the control plane mandatory. */
  required: boolean;
  /** What is missing and how to build it; empty when available. */
  message: string;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function controlPlaneAvailability(
  env: NodeJS.ProcessEnv = process.env,
  binDir = controlPlaneBinDir(env),
): ControlPlaneAvailability {
  const missing = BINARIES.filter(b => !isExecutable(binaryPath(b, binDir)));
  return {
    available: missing.length === 0,
    binDir,
    missing,
    required: Boolean(env[BIN_DIR_ENV] || env.CI),
    message: missing.length
      ? `the Kubernetes control plane binaries (${missing.join(
          ', ',
        )}) are missing from ${binDir}; build them with \`yarn k8s:build\` (Go >= 1.24, ~12 min the first time)`
      : '',
  };
}

/** Whether etcd, kube-apiserver, kube-controller-manager and kubectl are built. */
export function controlPlaneAvailable(
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return controlPlaneAvailability(env).available;
}

/**
 * For test files that need the control plane: true when it is available; otherwise
 * throws when it is required (`CI` or `RAY_SERVICE_K8S_BIN` set), or prints why the tests
 * are skipped and returns false.
 *
 *     const describeWithControlPlane = shouldRunControlPlaneTests('my.test.ts') ? describe : describe.skip;
 */
export function shouldRunControlPlaneTests(
  testName: string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = console.warn,
): boolean {
  const availability = controlPlaneAvailability(env);
  if (availability.available) return true;
  if (availability.required) {
    throw new Error(
      `${testName}: the control plane is required here (CI or ${BIN_DIR_ENV} is set), but ${availability.message}`,
    );
  }
  warn(`${testName}: skipping, ${availability.message}`);
  return false;
}
