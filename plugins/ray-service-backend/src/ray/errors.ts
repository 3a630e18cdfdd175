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

import {
  CustomErrorBase,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ProxiedAnswerError } from '../kubernetes/requestErrors';

/** A Ray dashboard answered with an error of its own: 502, with Ray's reason. */
export class BadGatewayError extends CustomErrorBase {
  name = 'BadGatewayError' as const;
  readonly statusCode = 502;
}

/** The first line that says something of a plain-text answer or traceback. */
function reasonOf(text: string): string {
  // lines that say something: Ray ends a traceback it wraps with a lone `.`
  const lines = text
    .split('\n')
    .map(line => line.trim())
    .filter(line => /\w/.test(line));
  // A Python traceback ends with the exception; a message is its first line.
  const line = lines[0]?.startsWith('Traceback')
    ? lines[lines.length - 1]
    : lines[0];
  return (line ?? '').slice(0, 300);
}

function kubernetesStatus(
  text: string,
): { reason?: string; message?: string } | undefined {
  try {
    const body = JSON.parse(text);
    return body?.kind === 'Status' ? body : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a failed dashboard request means for the caller: the API server's
 * own refusals (no such Service, no ready endpoints, RBAC) are 503s saying
 * what to do; Ray's are 404 for what it does not know and 502 for the rest,
 * with Ray's reason. Never the token, never a whole traceback.
 */
export function dashboardError(
  error: ProxiedAnswerError,
  what: { cluster: string; request: string },
): Error {
  const status = kubernetesStatus(error.text);
  if (status) {
    const detail = status.message ?? status.reason ?? `HTTP ${error.status}`;
    if (error.status === 403) {
      return new ServiceUnavailableError(
        `the backend may not reach RayCluster ${what.cluster}'s dashboard through the API server's service proxy (${detail}); grant it services/proxy (see the RBAC of the host cluster)`,
      );
    }
    return new ServiceUnavailableError(
      `the Ray dashboard of ${what.cluster} cannot be reached yet (${detail}); it answers once the head pod is ready`,
    );
  }
  const reason = reasonOf(error.text);
  if (error.status === 404) {
    return new NotFoundError(
      `${what.request}: ${reason || 'not found'} (Ray dashboard of ${
        what.cluster
      })`,
    );
  }
  if (error.status === 401 || error.status === 403) {
    return new BadGatewayError(
      `the Ray dashboard of ${what.cluster} refused the backend's token (HTTP ${error.status}: ${reason})`,
    );
  }
  return new BadGatewayError(
    `${what.request}: the Ray dashboard of ${what.cluster} answered HTTP ${
      error.status
    }${reason ? `: ${reason}` : ''}`,
  );
}
