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
import type { AddressInfo } from 'node:net';
import { createTlsMaterial } from '@ray-service/kube-sim';
import { KubeHttpClient, KubeRequestError } from './kubeHttp';

interface Answer {
  status: number;
  retryAfter?: string;
}

/** An HTTPS server giving `answers` in turn (the last one from then on), counting requests. */
async function serve(answers: Answer[]) {
  const tls = createTlsMaterial('127.0.0.1');
  let requests = 0;
  const server = https.createServer(
    { cert: tls.certPem, key: tls.keyPem },
    (_req, res) => {
      const answer = answers[Math.min(requests, answers.length - 1)];
      requests++;
      res.writeHead(answer.status, {
        'Content-Type': 'application/json',
        ...(answer.retryAfter !== undefined
          ? { 'Retry-After': answer.retryAfter }
          : {}),
      });
      res.end(JSON.stringify({ kind: 'Status', message: `${answer.status}` }));
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    client: new KubeHttpClient(`https://127.0.0.1:${port}`, tls.caPem, 't'),
    requests: () => requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('KubeHttpClient', () => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends a request again when the API server answers 429 or 503 with a Retry-After', async () => {
    server = await serve([
      { status: 429, retryAfter: '0' },
      { status: 503, retryAfter: '0' },
      { status: 200 },
    ]);
    await expect(server.client.getJson('/api')).resolves.toEqual({
      kind: 'Status',
      message: '200',
    });
    expect(server.requests()).toBe(3);
  });

  it('answers a 429 without a Retry-After as it is', async () => {
    server = await serve([{ status: 429 }, { status: 200 }]);
    await expect(server.client.getJson('/api')).rejects.toThrow(
      new KubeRequestError('GET', '/api', 429, '{"message":"429"}'),
    );
    expect(server.requests()).toBe(1);
  });

  it('gives up after ten tries when the server keeps asking to retry', async () => {
    server = await serve([{ status: 429, retryAfter: '0' }]);
    const response = await server.client.request('GET', '/api');
    expect(response.status).toBe(429);
    expect(server.requests()).toBe(10);
  });
});
