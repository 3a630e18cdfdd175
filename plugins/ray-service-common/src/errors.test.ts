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

import { z } from 'zod';
import {
  detailsToFieldErrors,
  fieldErrors,
  fieldPath,
  formatZodIssues,
  reasonOf,
  validationDetailsOf,
  validationErrorBody,
} from './errors';
import { computeProfileInputSchema } from './profiles';

function zodErrorOf(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) {
    throw new Error('expected the input to be invalid');
  }
  return result.error;
}

const badProfile = {
  name: 'Medium',
  displayName: 'Medium',
  resources: [
    { cpu: 'abc', memory: '1Gi', storage: '1Gi' },
    { cpu: '1', memory: '1Gi', storage: '1Gi', gpuModel: 'L4' },
  ],
  allocation: { strategy: 'onDemand' },
};

describe('formatZodIssues', () => {
  it('names each field and reason in one message and as details', () => {
    const { message, details } = formatZodIssues(
      zodErrorOf(computeProfileInputSchema, badProfile),
    );
    expect(details).toEqual([
      {
        field: 'name',
        message: expect.stringMatching(/^must be a DNS-1123 label/),
      },
      {
        field: 'resources.0.cpu',
        message: expect.stringMatching(/^invalid quantity "abc"/),
      },
      {
        field: 'resources.1.gpuCount',
        message: 'is required when gpuModel is set',
      },
    ]);
    expect(message).toBe(
      details.map(d => `${d.field}: ${d.message}`).join('; '),
    );
    expect(message).toMatch(/; resources\.0\.cpu: invalid quantity "abc"/);
  });

  it('leaves the field out of the message for root issues', () => {
    expect(formatZodIssues(zodErrorOf(z.object({}), 'text'))).toEqual({
      message: 'Invalid input: expected object, received string',
      details: [
        {
          field: '',
          message: 'Invalid input: expected object, received string',
        },
      ],
    });
  });

  it('reports each unknown key of a strict object as its own field', () => {
    const schema = z.object({ spec: z.strictObject({ a: z.string() }) });
    expect(
      formatZodIssues(zodErrorOf(schema, { spec: { a: 'x', b: 1, c: 2 } }))
        .details,
    ).toEqual([
      { field: 'spec.b', message: 'is not a known field' },
      { field: 'spec.c', message: 'is not a known field' },
    ]);
  });

  it('never echoes a hostile input whole: 50 fields, 300 characters each', () => {
    const keys = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`${'k'.repeat(1000)}${i}`, 1]),
    );
    const { message, details } = formatZodIssues(
      zodErrorOf(z.strictObject({}), keys),
    );
    expect(details).toHaveLength(51);
    expect(details[50]).toEqual({
      field: '',
      message: 'and 950 more problems',
    });
    expect(Math.max(...details.map(d => d.field.length))).toBe(300);
    expect(message.length).toBeLessThan(51 * 320);
  });
});

describe('fieldPath', () => {
  it('joins path segments with dots', () => {
    expect(fieldPath(['partitioning', 'A100-40GB', 'profile'])).toBe(
      'partitioning.A100-40GB.profile',
    );
    expect(fieldPath(['resources', 0, 'cpu'])).toBe('resources.0.cpu');
    expect(fieldPath([])).toBe('');
  });
});

describe('fieldErrors', () => {
  it('maps each field to its first reason', () => {
    const schema = z.object({
      name: z
        .string()
        .min(3, 'too short')
        .regex(/^[a-z]+$/, 'lowercase only'),
    });
    expect(fieldErrors(zodErrorOf(schema, { name: 'A' }))).toEqual({
      name: 'too short',
    });
  });

  it('works for profiles', () => {
    expect(
      fieldErrors(zodErrorOf(computeProfileInputSchema, badProfile)),
    ).toEqual({
      name: expect.any(String),
      'resources.0.cpu': expect.stringMatching(/^invalid quantity "abc"/),
      'resources.1.gpuCount': 'is required when gpuModel is set',
    });
  });

  it('can be built from server details', () => {
    expect(
      detailsToFieldErrors([
        { field: 'a', message: 'first' },
        { field: 'a', message: 'second' },
        { field: 'b.0', message: 'third' },
      ]),
    ).toEqual({ a: 'first', 'b.0': 'third' });
  });
});

describe('validationErrorBody', () => {
  const error = zodErrorOf(z.object({ limit: z.number() }), { limit: 'x' });

  it('builds a Backstage error body with details', () => {
    expect(
      validationErrorBody(error, {
        method: 'POST',
        url: '/api/ray-service/profiles',
      }),
    ).toEqual({
      error: {
        name: 'InputError',
        message: 'limit: Invalid input: expected number, received string',
      },
      request: { method: 'POST', url: '/api/ray-service/profiles' },
      response: { statusCode: 400 },
      details: [
        {
          field: 'limit',
          message: 'Invalid input: expected number, received string',
        },
      ],
    });
  });

  it('leaves out the request when not given', () => {
    expect(validationErrorBody(error)).not.toHaveProperty('request');
  });
});

describe('validationDetailsOf', () => {
  it('reads details from an error body', () => {
    const details = [{ field: 'name', message: 'is required' }];
    expect(validationDetailsOf({ body: { details } })).toEqual(details);
  });

  it('drops malformed details', () => {
    expect(
      validationDetailsOf({
        body: { details: [{ field: 1 }, null, { field: 'a', message: 'b' }] },
      }),
    ).toEqual([{ field: 'a', message: 'b' }]);
  });

  it.each([
    undefined,
    null,
    new Error('x'),
    { body: {} },
    { body: { details: 'x' } },
  ])('is empty for %p', error => {
    expect(validationDetailsOf(error)).toEqual([]);
  });
});

describe('reasonOf', () => {
  it("prefers the server's message of an error body", () => {
    const error = Object.assign(new Error('Request failed with 409 Conflict'), {
      body: { error: { name: 'ConflictError', message: 'name is taken' } },
    });
    expect(reasonOf(error)).toBe('name is taken');
  });

  it("falls back to the error's own message, or the thrown value", () => {
    expect(reasonOf(new Error('socket hang up'))).toBe('socket hang up');
    expect(reasonOf('boom')).toBe('boom');
  });
});
