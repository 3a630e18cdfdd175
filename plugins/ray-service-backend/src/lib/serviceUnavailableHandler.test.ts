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

import { ServiceUnavailableError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { serviceUnavailableHandler } from './serviceUnavailableHandler';

describe('serviceUnavailableHandler', () => {
  function app(error: Error) {
    const logger = mockServices.logger.mock();
    const server = express();
    server.get('/capacity', (_req, _res, next) => next(error));
    server.use(serviceUnavailableHandler(logger));
    server.use(
      (
        err: Error,
        _req: express.Request,
        res: express.Response,
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        _next: express.NextFunction,
      ) => {
        res.status(500).json({ passedOn: err.message });
      },
    );
    return { server, logger };
  }

  it('answers 503 with Backstage’s error body and logs one warn line, no stack', async () => {
    const { server, logger } = app(
      new ServiceUnavailableError(
        'list Node: connect ECONNREFUSED 127.0.0.1:1',
      ),
    );
    const response = await request(server).get('/capacity');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      error: {
        name: 'ServiceUnavailableError',
        message: 'list Node: connect ECONNREFUSED 127.0.0.1:1',
      },
      request: { method: 'GET', url: '/capacity' },
      response: { statusCode: 503 },
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'GET /capacity: 503 list Node: connect ECONNREFUSED 127.0.0.1:1',
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('passes other errors on', async () => {
    const { server, logger } = app(new Error('boom'));
    const response = await request(server).get('/capacity');
    expect(response.body).toEqual({ passedOn: 'boom' });
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
