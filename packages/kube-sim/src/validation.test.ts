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
  prepareSchema,
  validateLabels,
  validateName,
  validateWithSchema,
} from './validation';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['weight'],
      properties: {
        weight: { type: 'integer', minimum: 1, maximum: 100 },
        mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
        name: { type: 'string', pattern: '^[a-z]+$', maxLength: 5 },
        port: { 'x-kubernetes-int-or-string': true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: {
            spec: { type: 'object', properties: { a: { type: 'string' } } },
          },
        },
      },
    },
  },
};

describe('CRD schema validation', () => {
  it('accepts a valid object, applies defaults and prunes unknown fields', () => {
    const r = validateWithSchema(schema, {
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'n', labels: { keep: 'me' } },
      spec: {
        weight: 5,
        port: 'http',
        unknown: 1,
        labels: { a: 'b' },
        free: { anything: { goes: 1 } },
        template: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { a: 'x', b: 'pruned' },
        },
      },
      extra: true,
    });
    expect(r.causes).toEqual([]);
    expect(r.obj.spec.mode).toBe('a');
    expect(r.obj.spec.unknown).toBeUndefined();
    expect(r.obj.extra).toBeUndefined();
    expect(r.obj.metadata.labels).toEqual({ keep: 'me' });
    expect(r.obj.spec.free).toEqual({ anything: { goes: 1 } });
    expect(r.obj.spec.template.metadata).toEqual({ name: 'p' });
    expect(r.obj.spec.template.spec).toEqual({ a: 'x' });
    expect(r.pruned.sort()).toEqual([
      'extra',
      'spec.template.spec.b',
      'spec.unknown',
    ]);
  });

  it('reports type, enum, required, pattern and range errors with field paths', () => {
    const r = validateWithSchema(schema, {
      spec: { weight: 'heavy', mode: 'c', name: 'ABCDEFG', port: 1.5 },
    });
    const byField = Object.fromEntries(r.causes.map(c => [c.field, c]));
    expect(byField['spec.weight'].reason).toBe('FieldValueTypeInvalid');
    expect(byField['spec.weight'].message).toContain(
      'spec.weight in body must be of type integer: "heavy"',
    );
    expect(byField['spec.mode'].reason).toBe('FieldValueNotSupported');
    expect(byField['spec.mode'].message).toBe(
      'Unsupported value: "c": supported values: "a", "b"',
    );
    expect(r.causes.filter(c => c.field === 'spec.name').length).toBe(2);
    expect(byField['spec.port']).toBeDefined();
    const missing = validateWithSchema(schema, { spec: {} });
    expect(missing.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: 'spec.weight',
      },
    ]);
    const range = validateWithSchema(schema, { spec: { weight: 0 } });
    expect(range.causes[0].message).toContain(
      'spec.weight in body should be greater than or equal to 1',
    );
  });

  it('drops x-kubernetes keywords and closes objects for pruning', () => {
    const p = prepareSchema(schema);
    expect(p.properties.spec.additionalProperties).toBe(false);
    expect(
      p.properties.spec.properties.free.additionalProperties,
    ).toBeUndefined();
    expect(JSON.stringify(p)).not.toContain('x-kubernetes');
  });
});

describe('names and labels', () => {
  it('validates DNS-1123 subdomains, labels and path segments', () => {
    expect(validateName('subdomain', 'a.b-c')).toEqual([]);
    expect(validateName('subdomain', 'Bad_Name')[0].message).toContain(
      'RFC 1123 subdomain',
    );
    expect(validateName('label', 'a.b')).toHaveLength(1);
    expect(validateName('dns1035', '1abc')).toHaveLength(1);
    expect(validateName('path', 'system:controller:x')).toEqual([]);
    expect(validateName('path', 'a/b')).toHaveLength(1);
  });
  it('validates label keys and values', () => {
    expect(
      validateLabels({ 'ray-service.io/tenant': 'team-a', a: '' }),
    ).toEqual([]);
    expect(validateLabels({ a: 'not ok!' })).toHaveLength(1);
    expect(validateLabels({ 'Bad Key': 'x' })).toHaveLength(1);
  });
});
