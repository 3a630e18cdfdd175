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

/*
 * The benchmarks' load generator, in a process of its own as a browser or
 * the scaffolder is: requests sent at once, each timed from its send to
 * the end of its answer. In the backend's process the client would share
 * the event loop it measures, and count the time its answers wait to be
 * read there.
 */

import { ChildProcess, fork } from 'node:child_process';
import { Agent, IncomingMessage, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface BurstRequest {
  method: string;
  url: string;
  authorization: string;
  body?: unknown;
}

export interface BurstAnswer {
  status: number;
  body: string;
  ms: number;
  /** When the answer ended, from the burst's start. */
  endedMs: number;
}

interface Message {
  id: number;
  requests: BurstRequest[];
}

type Reply = { id: number } & ({ answers: BurstAnswer[] } | { error: string });

// node:http with kept-alive connections rather than fetch: fetch's own work
// per request (~0.5 ms here) adds up across a burst to tens of milliseconds
// that belong to the client, not to the backend being measured. Answers are
// compressed as for a browser, which sends this Accept-Encoding.
// Idle sockets are closed before Node's servers close theirs (5 s): a
// request sent on a socket the server is closing fails (ECONNRESET).
const agent = new Agent({
  keepAlive: true,
  maxSockets: Infinity,
  timeout: 4000,
});
const ACCEPT_ENCODING = 'gzip, deflate, br';

function decoded(response: IncomingMessage): Readable {
  switch (response.headers['content-encoding']) {
    case 'br':
      return response.pipe(createBrotliDecompress());
    case 'gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    default:
      return response;
  }
}

function send(request: BurstRequest) {
  const body =
    request.body !== undefined ? JSON.stringify(request.body) : undefined;
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const outgoing = httpRequest(request.url, {
      method: request.method,
      agent,
      headers: {
        Authorization: request.authorization,
        'Accept-Encoding': ACCEPT_ENCODING,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
    });
    outgoing.on('error', fail);
    outgoing.on('response', async response => {
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of decoded(response)) {
          chunks.push(chunk);
        }
        done({
          status: response.statusCode!,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      } catch (error) {
        fail(error);
      }
    });
    outgoing.end(body);
  });
}

/** The client process: answers each message with its requests' answers, in order. */
function serve() {
  process.on('message', async ({ id, requests }: Message) => {
    const started = performance.now();
    try {
      const answers: BurstAnswer[] = await Promise.all(
        requests.map(async request => {
          const sent = performance.now();
          const answer = await send(request);
          const ended = performance.now();
          return { ...answer, ms: ended - sent, endedMs: ended - started };
        }),
      );
      process.send!({ id, answers } satisfies Reply);
    } catch (error) {
      process.send!({ id, error: String(error) } satisfies Reply);
    }
  });
}

export interface BurstClient {
  /** Sends the requests at once; answers in their order. */
  burst(requests: BurstRequest[]): Promise<BurstAnswer[]>;
  stop(): Promise<void>;
}

/** Forks the client process. */
export function startBurstClient(): BurstClient {
  const child: ChildProcess = fork(__filename, ['--serve'], {
    cwd: resolve(__dirname, '../../../..'),
    execArgv: ['--require', '@backstage/cli/config/nodeTransform.cjs'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (reply: Reply) => void>();
  child.on('message', (reply: Reply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  let next = 0;
  return {
    burst: requests =>
      new Promise((done, fail) => {
        const id = next++;
        waiting.set(id, reply =>
          'answers' in reply
            ? done(reply.answers)
            : fail(new Error(`burst client: ${reply.error}`)),
        );
        child.send({ id, requests } satisfies Message);
      }),
    stop: async () => {
      const exited = new Promise(done => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.argv.includes('--serve')) {
  serve();
}
