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

import { ChildProcess, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';

/** The monorepo's root (the package.json with workspaces) above `from`. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = resolve(dir, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).workspaces
    ) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(`no monorepo root above ${from}`);
    }
  }
}

/** The repository's root, where `yarn start` runs. */
export const REPO_ROOT = findRepoRoot(process.cwd());

/** Where screenshots and the portal's log are kept (git-ignored). */
export const ARTIFACTS_DIR = resolve(REPO_ROOT, 'e2e-artifacts');

export interface Portal {
  /** The frontend, e.g. http://localhost:3000. */
  appUrl: string;
  /** The backend, e.g. http://localhost:7007. */
  backendUrl: string;
  /** Stops the portal if this process started it. */
  stop(): Promise<void>;
}

const APP_URL = 'http://localhost:3000';
const BACKEND_URL = 'http://localhost:7007';

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; child?: ChildProcess },
) {
  const deadline = Date.now() + options.timeoutMs;
  while (!(await check())) {
    if (options.child && options.child.exitCode !== null) {
      throw new Error(
        `the portal exited (code ${options.child.exitCode}) before ${what}; see ${ARTIFACTS_DIR}/portal.log`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

/**
 * The processes below `root` (Linux: from /proc). The backend runner starts
 * the backend in a process group of its own, so a group signal misses it.
 */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    (children.get(pid) ?? []).forEach(visit);
  };
  visit(root);
  return tree;
}

function signal(pids: number[], name: NodeJS.Signals) {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The dev portal's ports are fixed, so journeys in parallel jest workers take
 * turns: a lock directory holding the pid of the worker whose portal runs (a
 * dead holder's lock is taken over). Answers the release.
 */
async function takeTurn(timeoutMs: number): Promise<() => Promise<void>> {
  const lock = resolve(tmpdir(), 'ray-service-e2e-portal.lock');
  const holder = resolve(lock, 'pid');
  await waitUntil(
    "another journey's portal to stop",
    async () => {
      try {
        await mkdir(lock);
        await writeFile(holder, String(process.pid));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number(await readFile(holder, 'utf8').catch(() => ''));
        if (pid && !alive(pid)) {
          await rm(lock, { recursive: true, force: true });
        }
        return false;
      }
    },
    { timeoutMs },
  );
  return () => rm(lock, { recursive: true, force: true });
}

/** The portal is up: the backend's ray-service plugin and the frontend answer. */
function portalReady(appUrl: string, backendUrl: string) {
  return async () =>
    (await answers(`${backendUrl}/api/ray-service/health`)) &&
    (await answers(appUrl));
}

/**
 * The dev portal (`yarn start`: kube-sim, backend, frontend) signed in as
 * `user` of examples/org.yaml, e.g. `alice.alpha`, a plain member of
 * ml-team-alpha. Set `E2E_PORTAL_URL` to use a portal that already runs
 * (then `user` is whoever it signs in as). Its output goes to
 * `e2e-artifacts/portal.log`. The first start compiles the frontend: minutes.
 */
export async function startPortal(options: {
  user: string;
  timeoutMs?: number;
}): Promise<Portal> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  if (process.env.E2E_PORTAL_URL) {
    const appUrl = process.env.E2E_PORTAL_URL;
    const backendUrl = process.env.E2E_BACKEND_URL ?? BACKEND_URL;
    await waitUntil('the running portal', portalReady(appUrl, backendUrl), {
      timeoutMs,
    });
    return { appUrl, backendUrl, stop: async () => {} };
  }
  const release = await takeTurn(timeoutMs);
  if (await answers(`${BACKEND_URL}/api/ray-service/health`)) {
    await release();
    throw new Error(
      `a portal already runs on ${BACKEND_URL}; stop it, or set E2E_PORTAL_URL=${APP_URL} to use it`,
    );
  }
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const log = createWriteStream(resolve(ARTIFACTS_DIR, 'portal.log'));
  // Its own process group, so that stop() ends kube-sim, backend and frontend.
  const child = spawn('node', ['scripts/start-dev.mjs'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Jest's NODE_ENV=test would pick no browserslist environment for the frontend.
      NODE_ENV: 'development',
      RAY_SERVICE_DEV_USER: options.user,
      BROWSER: 'none',
    },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  // Everything the portal started: kube-sim, the backend, the frontend.
  const stop = async () => {
    const tree = processTree(child.pid!);
    signal(tree, 'SIGTERM');
    const deadline = Date.now() + 15_000;
    while (tree.some(alive) && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 250));
    }
    signal(tree.filter(alive), 'SIGKILL');
    await release();
  };
  try {
    await waitUntil('the portal', portalReady(APP_URL, BACKEND_URL), {
      timeoutMs,
      child,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { appUrl: APP_URL, backendUrl: BACKEND_URL, stop };
}
