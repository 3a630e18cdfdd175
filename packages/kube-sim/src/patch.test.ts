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

import { ApiError } from './errors';
import { covers, fieldSetOf, jsonPatch, leafPaths, mergePatch } from './patch';

describe('merge patch', () => {
  it('merges maps, replaces lists and removes nulls (RFC 7386)', () => {
    const target = { a: { b: 1, c: 2 }, list: [1, 2], gone: true };
    expect(
      mergePatch(target, { a: { c: 3, d: 4 }, list: [3], gone: null }),
    ).toEqual({
      a: { b: 1, c: 3, d: 4 },
      list: [3],
    });
    expect(target.a.c).toBe(2);
  });
});

describe('json patch', () => {
  const doc = { metadata: { labels: { a: '1' } }, spec: { items: ['x', 'y'] } };
  it('applies add, remove, replace, move, copy and test', () => {
    const out = jsonPatch(doc, [
      { op: 'add', path: '/metadata/labels/b', value: '2' },
      { op: 'add', path: '/spec/items/-', value: 'z' },
      { op: 'remove', path: '/spec/items/0' },
      { op: 'replace', path: '/metadata/labels/a', value: 'one' },
      { op: 'copy', from: '/metadata/labels/a', path: '/metadata/labels/c' },
      { op: 'move', from: '/metadata/labels/b', path: '/metadata/labels/d' },
      { op: 'test', path: '/spec/items/1', value: 'z' },
    ]);
    expect(out).toEqual({
      metadata: { labels: { a: 'one', c: 'one', d: '2' } },
      spec: { items: ['y', 'z'] },
    });
    expect(doc.spec.items).toEqual(['x', 'y']);
  });

  it('fails a test op with 422 and a missing path with 422', () => {
    const code = (ops: unknown) => {
      try {
        jsonPatch(doc, ops);
        return 200;
      } catch (e) {
        return (e as ApiError).code;
      }
    };
    expect(
      code([{ op: 'test', path: '/metadata/labels/a', value: 'nope' }]),
    ).toBe(422);
    expect(code([{ op: 'remove', path: '/spec/missing' }])).toBe(422);
    expect(code({ op: 'add' })).toBe(400);
  });
});

describe('field sets', () => {
  it('tracks spec leaves and metadata labels/annotations, not name or status', () => {
    const set = fieldSetOf(
      {
        apiVersion: 'v1',
        kind: 'X',
        metadata: { name: 'n', labels: { a: '1' } },
        spec: { x: { y: 1 }, list: [1] },
        status: { s: 1 },
      },
      false,
    );
    expect(
      leafPaths(set)
        .map(p => p.join('.'))
        .sort(),
    ).toEqual(['metadata.labels.a', 'spec.list', 'spec.x.y']);
    expect(covers(set, ['spec', 'x', 'y'])).toBe(true);
    expect(covers(set, ['spec', 'list', 'anything'])).toBe(true);
    expect(covers(set, ['spec', 'z'])).toBe(false);
  });
});
