#!/usr/bin/env node
/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * `yarn start`: launches the simulated host cluster (packages/kube-sim), then
 * the portal (frontend on :3000, backend on :7007) pointed at it. Stops both
 * together. Set RAY_SERVICE_API_TOKEN to also accept that static automation
 * token (app-config.automation.yaml); set RAY_SERVICE_DEV_USER to a user of
 * examples/org.yaml (e.g. alice.alpha, a plain member of ml-team-alpha) to
 * sign in as that user instead of the admin guest; put personal overrides in
 * app-config.local.yaml.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseAllDocuments } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const stateDir = resolve(root, '.kube-sim');
const port = process.env.KUBE_SIM_PORT ?? '6443';
const children = [];

function run(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    ...options,
  });
  children.push(child);
  child.on('exit', code => {
    if (!stopping) {
      console.error(`${command} ${args[0]} exited with code ${code}`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * The local Ray head of scripts/ray-head.sh when Ray is installed (and
 * RAY_SERVICE_SIMULATED_RAY is not set): kube-sim then leads every RayCluster's
 * dashboard to it. Stopped on exit if this script started it.
 */
function startRayHead() {
  const script = resolve(root, 'scripts/ray-head.sh');
  if (
    process.env.RAY_SERVICE_SIMULATED_RAY ||
    spawnSync(script, ['installed']).status !== 0
  ) {
    console.log(
      "Ray: kube-sim simulates each RayCluster's head (install a real one with `scripts/ray-head.sh install`)",
    );
    return {};
  }
  const wasRunning = spawnSync(script, ['running']).status === 0;
  console.log('Ray: starting a local Ray 2.60 head (scripts/ray-head.sh)…');
  const started = spawnSync(script, ['start'], { encoding: 'utf8' });
  if (started.status !== 0) {
    console.error(`Ray: the head did not start:\n${started.stderr}`);
    return {};
  }
  const head = Object.fromEntries(
    started.stdout
      .trim()
      .split('\n')
      .map(line => line.split(/=(.*)/).slice(0, 2)),
  );
  if (!wasRunning) {
    process.on('exit', () => spawnSync(script, ['stop']));
  }
  console.log(
    `Ray: RayClusters' dashboards lead to the real head at ${head.RAY_HEAD_URL}`,
  );
  return {
    KUBE_SIM_RAY_DASHBOARD_URL: head.RAY_HEAD_URL,
    KUBE_SIM_RAY_DASHBOARD_TOKEN: readFileSync(
      head.RAY_HEAD_TOKEN_FILE,
      'utf8',
    ).trim(),
  };
}

async function startKubeSim() {
  const rayHead = startRayHead();
  const sim = run(
    'yarn',
    [
      'workspace',
      '@ray-service/kube-sim',
      'start',
      '--port',
      port,
      '--state-dir',
      stateDir,
    ],
    { env: { ...process.env, ...rayHead } },
  );
  const lines = createInterface({ input: sim.stdout });
  for await (const line of lines) {
    console.log(`[kube-sim] ${line}`);
    if (line.startsWith('kube-sim ready')) break;
  }
  lines.on('line', line => console.log(`[kube-sim] ${line}`));
  return JSON.parse(readFileSync(resolve(stateDir, 'connection.json'), 'utf8'));
}

/**
 * The guest sign-in as another user of the example org: its entity ref and
 * ownership refs (the user and their groups), as config from the
 * environment (APP_CONFIG_…).
 */
function devUserConfig(name) {
  const org = parseAllDocuments(
    readFileSync(resolve(root, 'examples/org.yaml'), 'utf8'),
  ).map(document => document.toJS());
  const user = org.find(e => e?.kind === 'User' && e.metadata.name === name);
  if (!user) {
    const users = org.filter(e => e?.kind === 'User').map(e => e.metadata.name);
    throw new Error(
      `RAY_SERVICE_DEV_USER=${name} is not a user of examples/org.yaml; try one of ${users.join(
        ', ',
      )}`,
    );
  }
  const ref = `user:default/${name}`;
  console.log(`Signing in as ${ref} (RAY_SERVICE_DEV_USER)`);
  return {
    APP_CONFIG_auth_providers_guest_userEntityRef: ref,
    APP_CONFIG_auth_providers_guest_ownershipEntityRefs: JSON.stringify([
      ref,
      ...(user.spec.memberOf ?? []).map(group => `group:default/${group}`),
    ]),
  };
}

const devUser = process.env.RAY_SERVICE_DEV_USER
  ? devUserConfig(process.env.RAY_SERVICE_DEV_USER)
  : {};
const sim = await startKubeSim();
const configs = ['app-config.yaml'];
if (process.env.RAY_SERVICE_API_TOKEN)
  configs.push('app-config.automation.yaml');
if (existsSync(resolve(root, 'app-config.local.yaml'))) {
  configs.push('app-config.local.yaml');
}
run(
  'yarn',
  [
    'backstage-cli',
    'repo',
    'start',
    ...configs.flatMap(config => ['--config', resolve(root, config)]),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      KUBE_SIM_URL: sim.url,
      KUBE_SIM_CA_DATA: sim.caData,
      KUBE_SIM_TOKEN: sim.token,
      ...devUser,
    },
  },
);
