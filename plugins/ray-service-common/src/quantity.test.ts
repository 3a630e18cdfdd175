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
import { InputError } from '@backstage/errors';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  isQuantity,
  multiplyQuantity,
  parseQuantity,
  quantitySchema,
  quantitySchemaFor,
} from './quantity';

const Ki = 1024;
const Mi = Ki * 1024;
const Gi = Mi * 1024;

describe('parseQuantity', () => {
  it.each([
    ['500m', 500],
    ['8', 8000],
    ['1.5', 1500],
    ['.5', 500],
    ['2.', 2000],
    ['2e3', 2_000_000],
    ['2E-3', 2],
    ['1k', 1_000_000],
    ['0', 0],
    ['0.0001', 1],
    ['0.1m', 1],
  ])('reads CPU %s as %d millicores', (text, millicores) => {
    expect(parseQuantity(text, 'cpu')).toBe(millicores);
  });

  it.each([
    ['32Gi', 32 * Gi],
    ['1.5Gi', 1.5 * Gi],
    ['100G', 100e9],
    ['128974848', 128974848],
    ['129e6', 129e6],
    ['123Mi', 123 * Mi],
    ['1Ki', Ki],
    ['0.9P', 9e14],
    ['90Ti', 90 * 1024 ** 4],
    ['500m', 1],
    ['0.1Gi', Math.ceil(0.1 * Gi)],
  ])('reads bytes %s as %d', (text, bytes) => {
    expect(parseQuantity(text, 'memory')).toBe(bytes);
  });

  it('is exact where floating point is not', () => {
    // 0.1 + 0.2 style errors would give 300000000000000004 bytes.
    expect(parseQuantity('0.3T', 'storage')).toBe(300_000_000_000);
    expect(parseQuantity('1.1', 'cpu')).toBe(1100);
  });

  it.each([
    'abc',
    '',
    '-1',
    '+1',
    '1.2.3',
    '1 Gi',
    '1gi',
    '1GB',
    '1e',
    '1K',
    'Gi',
    '1e999',
    '1'.repeat(65),
  ])('rejects %j with an InputError', text => {
    expect(() => parseQuantity(text, 'memory')).toThrow(InputError);
    expect(() => parseQuantity(text, 'memory')).toThrow(
      `invalid quantity "${text}"`,
    );
  });

  it('rejects amounts of 10^15 units and more (1P bytes, 1T cores)', () => {
    expect(() => parseQuantity('10Ei', 'storage')).toThrow(
      'quantity "10Ei" is too large: storage must be below 1P bytes (1e15)',
    );
    expect(() => parseQuantity('1E', 'memory')).toThrow(/too large/);
    expect(() => parseQuantity('1P', 'memory')).toThrow(/too large/);
    expect(() => parseQuantity('1e15', 'memory')).toThrow(/too large/);
    expect(parseQuantity('999999999999999', 'memory')).toBe(1e15 - 1);
    expect(parseQuantity('0999.9e12', 'memory')).toBe(9999e11);
    expect(() => parseQuantity('1e12', 'cpu')).toThrow(/too large/);
    expect(() => parseQuantity('1000000000000', 'cpu')).toThrow(/too large/);
    expect(parseQuantity('999999999999', 'cpu')).toBe(1e15 - 1000);
    expect(parseQuantity('999999999999999m', 'cpu')).toBe(1e15 - 1);
  });

  it('states its rule as the OpenAPI pattern', () => {
    const texts = ['0', '.5', '1e-64', '90Ti', '900Ti', '1Pi', '0.9P', '1e14'];
    for (const kind of ['cpu', 'memory', 'storage'] as const) {
      const { pattern } = z.toJSONSchema(quantitySchemaFor(kind)) as {
        pattern: string;
      };
      for (const text of [...texts, '999999999999', '999999999999999']) {
        expect([kind, text, new RegExp(pattern).test(text)]).toEqual([
          kind,
          text,
          quantitySchemaFor(kind).safeParse(text).success,
        ]);
      }
    }
  });
});

describe('isQuantity', () => {
  it('checks syntax only', () => {
    expect(isQuantity('32Gi')).toBe(true);
    expect(isQuantity('10Ei')).toBe(true);
    expect(isQuantity('32 Gi')).toBe(false);
  });
});

describe('formatQuantity', () => {
  it.each([
    [0, '0'],
    [500, '500m'],
    [8000, '8'],
    [1500, '1500m'],
    [2_000_000, '2000'],
  ])('formats %d millicores as %s', (millicores, text) => {
    expect(formatQuantity(millicores, 'cpu')).toBe(text);
  });

  it.each([
    [0, '0'],
    [1, '1'],
    [1000, '1k'],
    [Ki, '1Ki'],
    [32 * Gi, '32Gi'],
    [1.5 * Gi, '1536Mi'],
    [100e9, '100G'],
    [129e6, '129M'],
    [123456, '123456'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatQuantity(bytes, 'memory')).toBe(text);
  });

  it('round-trips through parseQuantity', () => {
    for (const text of ['32Gi', '100G', '1536Mi', '7', '1k']) {
      expect(formatQuantity(parseQuantity(text, 'memory'), 'memory')).toBe(
        text,
      );
    }
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 60])('rejects %d', value => {
    expect(() => formatQuantity(value, 'cpu')).toThrow(RangeError);
  });
});

describe('canonicalQuantity', () => {
  it('rewrites quantities in their canonical form', () => {
    expect(canonicalQuantity('1.5', 'cpu')).toBe('1500m');
    expect(canonicalQuantity('2000m', 'cpu')).toBe('2');
    expect(canonicalQuantity('1024Mi', 'memory')).toBe('1Gi');
    expect(canonicalQuantity('0.5Gi', 'memory')).toBe('512Mi');
    expect(canonicalQuantity('1e9', 'storage')).toBe('1G');
  });
});

describe('quantity arithmetic', () => {
  it('adds quantities of mixed notation', () => {
    expect(addQuantities(['500m', '1.5', '2'], 'cpu')).toBe('4');
    expect(addQuantities(['100m', '250m'], 'cpu')).toBe('350m');
    expect(addQuantities(['32Gi', '512Mi'], 'memory')).toBe('33280Mi');
    expect(addQuantities(['1G', '500M'], 'memory')).toBe('1500M');
    expect(addQuantities([], 'storage')).toBe('0');
  });

  it('multiplies by whole factors', () => {
    expect(multiplyQuantity('500m', 3, 'cpu')).toBe('1500m');
    expect(multiplyQuantity('500m', 4, 'cpu')).toBe('2');
    expect(multiplyQuantity('32Gi', 8, 'memory')).toBe('256Gi');
    expect(multiplyQuantity('32Gi', 0, 'memory')).toBe('0');
    expect(() => multiplyQuantity('1', 1.5, 'cpu')).toThrow(RangeError);
    expect(() => multiplyQuantity('1', -1, 'cpu')).toThrow(RangeError);
  });

  it('refuses results beyond a safe integer', () => {
    const most = '999999999999999'; // 10^15 - 1 bytes
    expect(() => multiplyQuantity(most, 10, 'storage')).toThrow(RangeError);
    expect(() => addQuantities(Array(10).fill(most), 'storage')).toThrow(
      'The resulting storage quantity is too large',
    );
  });

  it('compares across notations', () => {
    expect(compareQuantities('1', '1000m', 'cpu')).toBe(0);
    expect(compareQuantities('500m', '1', 'cpu')).toBe(-1);
    expect(compareQuantities('1Gi', '1G', 'memory')).toBe(1);
    expect(
      ['2Gi', '1G', '512Mi'].sort((a, b) => compareQuantities(a, b, 'memory')),
    ).toEqual(['512Mi', '1G', '2Gi']);
  });
});

describe('quantity schemas', () => {
  it('accepts valid quantities', () => {
    expect(quantitySchema.parse('32Gi')).toBe('32Gi');
    expect(quantitySchemaFor('cpu').parse('500m')).toBe('500m');
  });

  it('rejects bad strings with a clear message', () => {
    const result = quantitySchema.safeParse('abc');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(
      /^invalid quantity "abc": expected a Kubernetes quantity such as "500m"/,
    );
  });

  it('rejects non-strings', () => {
    expect(quantitySchema.safeParse(8).success).toBe(false);
  });

  it('bounds the amount per kind', () => {
    expect(quantitySchema.safeParse('10Ei').success).toBe(true);
    expect(
      quantitySchemaFor('storage').safeParse('10Ei').error?.issues,
    ).toEqual([
      expect.objectContaining({
        message:
          'quantity "10Ei" is too large: storage must be below 1P bytes (1e15)',
      }),
    ]);
  });
});
