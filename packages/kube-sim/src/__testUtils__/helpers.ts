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

import https from 'node:https';
import * as k8s from '@kubernetes/client-node';
import type { KubeSim } from '../types';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** A raw HTTPS request to a sim, verifying its CA (no client library in between). */
export function raw(
  sim: Pick<KubeSim, 'url' | 'caData' | 'token'>,
  method: string,
  path: string,
  options: {
    body?: unknown;
    contentType?: string;
    token?: string | null;
    timeoutMs?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<RawResponse> {
  const url = new URL(path, sim.url.endsWith('/') ? sim.url : `${sim.url}/`);
  // keep a path prefix (vclusters) in front of absolute paths
  const base = new URL(sim.url);
  url.pathname = `${base.pathname.replace(/\/$/, '')}${path.split('?')[0]}`;
  let payload: string | undefined;
  if (typeof options.body === 'string') payload = options.body;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  const token = options.token === null ? undefined : options.token ?? sim.token;
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca: Buffer.from(sim.caData, 'base64').toString('utf8'),
        headers: {
          Accept: 'application/json',
          ...(payload !== undefined
            ? { 'Content-Type': options.contentType ?? 'application/json' }
            : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(options.headers ?? {}),
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: any;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: parsed,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** A JSON merge patch (`application/merge-patch+json`) of `path`, sent with {@link raw}. */
export function mergePatch(
  sim: Pick<KubeSim, 'url' | 'caData' | 'token'>,
  path: string,
  body: unknown,
): Promise<RawResponse> {
  return raw(sim, 'PATCH', path, {
    body,
    contentType: 'application/merge-patch+json',
  });
}

export function kubeConfigFor(
  sim: Pick<KubeSim, 'kubeconfig'>,
): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  return kc;
}

/**
 * A delay (for `namespaceFinalizeDelayMs`, `readyDelayMs`) that no test outlasts: what waits
 * for it stays in its intermediate state (Terminating, Progressing, ...) for the whole test,
 * however slow the machine. A test that needs the next state brings it about itself, e.g.
 * finalizes a namespace with `sim.objects.delete`.
 */
export const LONGER_THAN_ANY_TEST_MS = 60 * 60_000;

/**
 * Resolves once the sim, which runs in the test's process, has done the work a request queued
 * for the next turn of the event loop (such as the controllers' reconciles after a write):
 * immediates run in the order they were queued.
 */
export function nextTurn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/** Polls until the check returns a truthy value (or throws after the timeout). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 5000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `condition not met within ${timeoutMs} ms${
          last ? `: ${String(last)}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** The HTTP status of a failed client-node call. */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e: any) {
    if (typeof e?.code === 'number') return e.code;
    throw e;
  }
}

/** The parsed Status body of a failed client-node call. */
export async function errorBody(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e: any) {
    if (typeof e?.body === 'string') {
      try {
        return JSON.parse(e.body);
      } catch {
        return e.body;
      }
    }
    return e?.body;
  }
  throw new Error('expected the call to fail');
}
