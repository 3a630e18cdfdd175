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
  boundedDocumentSchema,
  MAX_DOCUMENT_DEPTH,
  nestsDeeperThan,
  parseBoundedYaml,
} from './documents';

describe('free-form documents', () => {
  it('measures nesting of objects and arrays, however deep, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) {
      deep = [deep];
    }
    expect(nestsDeeperThan(deep, MAX_DOCUMENT_DEPTH)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
  });

  it('bounds Helm values in depth and size', () => {
    expect(boundedDocumentSchema.safeParse({ a: { b: [1] } }).success).toBe(
      true,
    );
    expect(
      boundedDocumentSchema.safeParse({ big: 'x'.repeat(70_000) }).error
        ?.issues[0].message,
    ).toBe('is larger than 64 KiB as JSON');
  });

  it('turns every YAML failure into a one-line reason', () => {
    const bomb = `a: &a [x, x, x, x]\nb: &b [${Array(60)
      .fill('*a')
      .join(', ')}]`;
    const parsed = parseBoundedYaml(bomb);
    expect(parsed).toEqual({
      error: expect.stringMatching(/^is not valid YAML: /),
    });
    expect((parsed as { error: string }).error).not.toContain('\n');
    expect(parseBoundedYaml('a: [1, 2')).toEqual({
      error: expect.stringMatching(/^is not valid YAML: /),
    });
    expect(parseBoundedYaml(`${'['.repeat(40)}${']'.repeat(40)}`)).toEqual({
      error: 'nests deeper than 32 levels',
    });
    expect(parseBoundedYaml('a: 1')).toEqual({ value: { a: 1 } });
  });

  it('reads as numbers only the plain scalars YAML 1.1 and 1.2 agree are numbers', () => {
    const parsed = parseBoundedYaml(
      [
        'leadingZero: 08',
        'octal12: 0o17',
        'exponentOnly: 1e5',
        'zeros: 007',
        'int: 42',
        'negative: -3',
        'zero: 0',
        'hex: 0x1A',
        'float: 2.5',
        'exponent: 1.5e+3',
        'quoted: "08"',
        'yes: yes',
        'bool: true',
        'nothing: null',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      value: {
        leadingZero: '08',
        octal12: '0o17',
        exponentOnly: '1e5',
        zeros: '007',
        int: 42,
        negative: -3,
        zero: 0,
        hex: 26,
        float: 2.5,
        exponent: 1500,
        quoted: '08',
        yes: 'yes',
        bool: true,
        nothing: null,
      },
    });
  });
});
