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

/** A field-level cause of an error, as in `Status.details.causes`. */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function reasonForCode(code: number): string {
  return REASONS[code] ?? (code >= 500 ? 'InternalError' : 'BadRequest');
}

/** An error that is answered as a Kubernetes `Status` object. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: number,
    message: string,
    options: {
      reason?: string;
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = options.reason ?? reasonForCode(code);
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
  }

  toStatus(): Record<string, unknown> {
    return statusBody(this.code, this.message, this.reason, this.details);
  }
}

export function statusBody(
  code: number,
  message: string,
  reason = reasonForCode(code),
  details: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (Object.keys(details).length > 0) body.details = details;
  return body;
}

export function notFound(resource: string, name: string, group = ''): ApiError {
  return new ApiError(
    404,
    `${qualified(resource, group)} "${name}" not found`,
    {
      reason: 'NotFound',
      details: { name, group: group || undefined, kind: resource },
    },
  );
}

export function resourceNotFound(): ApiError {
  return new ApiError(404, 'the server could not find the requested resource', {
    reason: 'NotFound',
    details: {},
  });
}

export function alreadyExists(
  resource: string,
  name: string,
  group = '',
): ApiError {
  return new ApiError(
    409,
    `${qualified(resource, group)} "${name}" already exists`,
    {
      reason: 'AlreadyExists',
      details: { name, group: group || undefined, kind: resource },
    },
  );
}

export function conflict(
  resource: string,
  name: string,
  group = '',
  why = 'the object has been modified; please apply your changes to the latest version and try again',
): ApiError {
  return new ApiError(
    409,
    `Operation cannot be fulfilled on ${qualified(
      resource,
      group,
    )} "${name}": ${why}`,
    {
      reason: 'Conflict',
      details: { name, group: group || undefined, kind: resource },
    },
  );
}

export function invalid(
  kind: string,
  group: string,
  name: string,
  causes: StatusCause[],
): ApiError {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const parts = causes.map(c =>
    c.field ? `${c.field}: ${c.message}` : c.message,
  );
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError(422, `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    reason: 'Invalid',
    details: { name, group: group || undefined, kind, causes },
  });
}

/**
 * How a real API server answers a server-side apply whose body does not fit
 * the kind's schema: a wrong type, or a malformed quantity of a built-in
 * kind, is found while the patch is converted, before validation, and
 * answered with 500 (kubernetes#139253), where create, update and merge
 * patch answer 422. Other invalid values stay 422.
 */
export function asApplyError(
  error: unknown,
  ref: { apiVersion: string; kind: string; name: string },
): unknown {
  if (!(error instanceof ApiError) || error.code !== 422) return error;
  const causes = (error.details.causes ?? []) as StatusCause[];
  const gvk = `${ref.apiVersion.includes('/') ? '' : '/'}${
    ref.apiVersion
  }, Kind=${ref.kind}`;
  const typeError = causes.find(c => c.reason === 'FieldValueTypeInvalid');
  if (typeError) {
    return new ApiError(
      500,
      `failed to create typed patch object (/${ref.name}; ${gvk}): .${typeError.field}: ${typeError.message}`,
    );
  }
  const quantity = causes.find(c =>
    c.message.includes('quantities must match'),
  );
  if (quantity) {
    return new ApiError(
      500,
      `failed to convert new object (/${
        ref.name
      }; ${gvk}) to proper version: unable to convert unstructured object to ${gvk}: ${quantity.message.replace(
        /^Invalid value: [^:]*: /,
        '',
      )}`,
    );
  }
  return error;
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, message, { reason: 'BadRequest' });
}

export function forbidden(
  resource: string,
  name: string,
  group: string,
  why: string,
  causes?: StatusCause[],
): ApiError {
  return new ApiError(
    403,
    `${qualified(resource, group)} "${name}" is forbidden: ${why}`,
    {
      reason: 'Forbidden',
      details: { name, group: group || undefined, kind: resource, causes },
    },
  );
}

export function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}
