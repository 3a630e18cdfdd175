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
import type { KubeSim } from '../types';

export interface WatchStream {
  status: Promise<number>;
  events: Array<{ type: string; object: any }>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A raw watch request (`?watch=true` is added): its events as they arrive. */
export function watchStream(
  sim: Pick<KubeSim, 'url' | 'caData' | 'token'>,
  path: string,
): WatchStream {
  const url = new URL(path, sim.url);
  // keep a path prefix (vclusters) in front of the absolute path
  url.pathname = `${new URL(sim.url).pathname.replace(/\/$/, '')}${
    path.split('?')[0]
  }`;
  url.searchParams.set('watch', 'true');
  const events: WatchStream['events'] = [];
  let resolveStatus: (n: number) => void = () => undefined;
  let resolveEnd: () => void = () => undefined;
  const status = new Promise<number>(r => (resolveStatus = r));
  const ended = new Promise<void>(r => (resolveEnd = r));
  const req = https.get(
    url,
    {
      ca: Buffer.from(sim.caData, 'base64').toString('utf8'),
      headers: sim.token ? { Authorization: `Bearer ${sim.token}` } : {},
    },
    res => {
      resolveStatus(res.statusCode ?? 0);
      let buffer = '';
      res.on('data', chunk => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line) events.push(JSON.parse(line));
      });
      res.on('end', () => resolveEnd());
      res.on('close', () => resolveEnd());
      res.on('error', () => resolveEnd());
    },
  );
  req.on('error', () => resolveEnd());
  return { status, events, ended, close: () => req.destroy() };
}
