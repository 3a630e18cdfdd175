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

import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { route } from '@ray-service/plugin-ray-service-common';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { contractRouter } from './contractRouter';

const answer = (size: number) => ({ text: 'x'.repeat(size) });
const answerSchema = z.object({ text: z.string() });

const contract = {
  smallWrite: route({
    method: 'post',
    path: '/small',
    tag: 'test',
    summary: 'a small answer to a write',
    public: true,
    response: { status: 201, description: 'small', schema: answerSchema },
  }),
  largeWrite: route({
    method: 'post',
    path: '/large',
    tag: 'test',
    summary: 'a large answer to a write, like a plan',
    public: true,
    response: { status: 200, description: 'large', schema: answerSchema },
  }),
  read: route({
    method: 'get',
    path: '/read',
    tag: 'test',
    summary: 'a read',
    public: true,
    response: { status: 200, description: 'read', schema: answerSchema },
  }),
};

/** The plugin's routes behind the compression Backstage's root router applies. */
function app() {
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  return express()
    .use(middleware.compression())
    .use(
      contractRouter(
        contract,
        {
          smallWrite: async () => answer(2_000),
          largeWrite: async () => answer(20_000),
          read: async () => answer(2_000),
        },
        mockServices.httpAuth(),
      ),
    );
}

describe('contractRouter answers', () => {
  it('sends a small answer to a write at once, uncompressed and not to be stored', async () => {
    const response = await request(app())
      .post('/small')
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(response.status).toBe(201);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store, no-transform');
    expect(response.body).toEqual(answer(2_000));
  });

  it.each([
    ['a large answer to a write, such as a plan', 'post', '/large', 20_000],
    ['a read, as the root router does', 'get', '/read', 2_000],
  ] as const)('compresses %s', async (_, method, path, size) => {
    const response = await request(app())
      [method](path)
      .set('Accept-Encoding', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBeUndefined();
    expect(response.body).toEqual(answer(size));
  });
});
