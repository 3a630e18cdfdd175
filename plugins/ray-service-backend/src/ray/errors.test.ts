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

import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ProxiedAnswerError } from '../kubernetes/requestErrors';
import { BadGatewayError, dashboardError } from './errors';
import { sampleText } from './__testUtils__/samples';

const CLUSTER = 'team-a/ray-1';

/** What a request's failed answer becomes. */
const mapped = (status: number, text: string, request = 'GET /api/version') =>
  dashboardError(new ProxiedAnswerError(status, text), {
    cluster: CLUSTER,
    request,
  });

/** What every Kubernetes `Status` of a failure has. */
const FAILURE = { kind: 'Status', apiVersion: 'v1', status: 'Failure' };

/** kube-apiserver's answer to a request it refuses itself. */
const kubernetesStatus = (code: number, reason: string, message: string) =>
  JSON.stringify({ ...FAILURE, metadata: {}, message, reason, code });

function expectBadGateway(error: Error): asserts error is BadGatewayError {
  expect(error).toBeInstanceOf(BadGatewayError);
  expect(error.name).toBe('BadGatewayError');
  expect((error as BadGatewayError).statusCode).toBe(502);
  expect(error.message).toContain(CLUSTER);
}

describe('dashboardError', () => {
  it("is a NotFoundError naming the request and cluster for Ray's plain-text 404", () => {
    const error = mapped(
      404,
      sampleText('err-get-unknown.txt'),
      'GET /api/jobs/does-not-exist',
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('GET /api/jobs/does-not-exist');
    expect(error.message).toContain('Job does-not-exist does not exist');
    expect(error.message).toContain(CLUSTER);
  });

  it.each([
    [
      'err-delete-running.txt',
      500,
      "RuntimeError: Attempted to delete job 'long-job-1', but it is in a non-terminal state RUNNING.",
    ],
    [
      'jobs-submit-duplicate.txt',
      500,
      'ValueError: Job with submission_id long-job-1 already exists. Please use a different submission_id.',
    ],
    [
      'err-submit-missing-entrypoint.txt',
      400,
      "TypeError: JobSubmitRequest.__init__() missing 1 required positional argument: 'entrypoint'",
    ],
  ])(
    'is a 502 with only the exception of the traceback in %s',
    (file, status, exception) => {
      const traceback = sampleText(file);
      expect(traceback.startsWith('Traceback')).toBe(true);
      const error = mapped(status, traceback, 'POST /api/jobs/');
      expectBadGateway(error);
      expect(error.message).toContain('POST /api/jobs/');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message.endsWith(`: ${exception}`)).toBe(true);
      for (const leak of ['Traceback', 'File "', '/root/', 'site-packages']) {
        expect(error.message).not.toContain(leak);
      }
    },
  );

  it("is a 502 with the first line of aiohttp's own 500", () => {
    const text = sampleText('err-submit-bad-json.txt');
    expect(text).toBe(
      '500 Internal Server Error\n\nServer got itself in trouble',
    );
    const error = mapped(500, text, 'POST /api/jobs/');
    expectBadGateway(error);
    expect(error.message).toContain('POST /api/jobs/');
    expect(error.message).toContain('HTTP 500: 500 Internal Server Error');
  });

  it.each([
    [401, 'auth-none.txt', 'Unauthorized: Missing authentication token'],
    [403, 'auth-wrong.txt', 'Forbidden: Invalid authentication token'],
  ])(
    "is a 502 saying Ray refused the backend's token for Ray's %i",
    (status, file, reason) => {
      const error = mapped(status, sampleText(file));
      expectBadGateway(error);
      expect(error.message).toMatch(/refused the backend's token/);
      expect(error.message).toContain(`HTTP ${status}: ${reason}`);
    },
  );

  it.each([
    [
      503,
      'ServiceUnavailable',
      'no endpoints available for service "ray-1-head-svc"',
    ],
    [404, 'NotFound', 'endpoints "ray-1-head-svc" not found'],
  ])(
    "is a ServiceUnavailableError for the API server's %i Status: the dashboard cannot be reached yet",
    (code, reason, message) => {
      const error = mapped(
        code,
        kubernetesStatus(code, reason, message),
        'GET /api/jobs/x',
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect(error.message).toContain(
        `the Ray dashboard of ${CLUSTER} cannot be reached yet`,
      );
      expect(error.message).toContain(message);
    },
  );

  it("is a ServiceUnavailableError telling to grant services/proxy for the API server's 403 Status", () => {
    const message =
      'services "ray-1-head-svc" is forbidden: User "system:serviceaccount:backstage:backstage" cannot get resource "services/proxy" in API group "" in the namespace "team-a"';
    const error = mapped(403, kubernetesStatus(403, 'Forbidden', message));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain(CLUSTER);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/grant it services\/proxy/);
    expect(error.message).not.toMatch(/refused the backend's token/);
  });

  it('is a 502 with the status alone for an empty answer', () => {
    const error = mapped(502, '', 'GET /api/serve/applications/');
    expectBadGateway(error);
    expect(error.message).toBe(
      `GET /api/serve/applications/: the Ray dashboard of ${CLUSTER} answered HTTP 502`,
    );
  });
});
