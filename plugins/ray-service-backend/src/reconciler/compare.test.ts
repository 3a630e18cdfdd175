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

import type { PlannedObject } from '../planner/types';
import { contains, isApplied } from './compare';

const labels = { 'app.kubernetes.io/managed-by': 'ray-service' };

function quota(hard: Record<string, string>): PlannedObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'q', namespace: 'ray-a', labels },
    spec: { hard },
  };
}

describe('contains', () => {
  it('accepts extra fields and defaults the server added', () => {
    expect(
      contains({ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'x', d: 2 }, e: 3 }),
    ).toBe(true);
  });

  it('compares lists element by element, with the same length', () => {
    expect(contains([{ a: 1 }], [{ a: 1, b: 2 }])).toBe(true);
    expect(contains([{ a: 1 }], [{ a: 1 }, { a: 2 }])).toBe(false);
    expect(contains(['x', 'y'], ['y', 'x'])).toBe(false);
  });

  it('treats empty lists and maps like absent fields', () => {
    expect(contains({ ingress: [], podSelector: {} }, {})).toBe(true);
    expect(contains({ ingress: [{}] }, {})).toBe(false);
  });

  it('sees changed and missing values', () => {
    expect(contains({ a: 'x' }, { a: 'y' })).toBe(false);
    expect(contains({ a: 'x' }, {})).toBe(false);
    expect(contains({ a: 1 }, { a: '1' })).toBe(false);
  });
});

describe('isApplied', () => {
  it('ignores status and server-set metadata', () => {
    const desired = quota({ 'requests.cpu': '8' });
    expect(
      isApplied(desired, {
        ...desired,
        metadata: {
          ...desired.metadata,
          uid: 'u',
          resourceVersion: '7',
          managedFields: [],
        },
        status: { used: {} },
      }),
    ).toBe(true);
  });

  it('sees a changed or missing label or annotation', () => {
    const desired = {
      ...quota({}),
      metadata: { ...quota({}).metadata, annotations: { a: 'b' } },
    };
    expect(
      isApplied(desired, {
        ...desired,
        metadata: { ...desired.metadata, labels: {} },
      }),
    ).toBe(false);
    expect(
      isApplied(desired, {
        ...desired,
        metadata: { ...desired.metadata, annotations: { a: 'c' } },
      }),
    ).toBe(false);
    expect(
      isApplied(desired, {
        ...desired,
        metadata: {
          ...desired.metadata,
          labels: { ...labels, extra: 'x' },
          annotations: { a: 'b', z: 'y' },
        },
      }),
    ).toBe(true);
  });

  it('compares quantities of built-in kinds by amount, as the API server canonicalizes them', () => {
    expect(
      isApplied(
        quota({ 'requests.memory': '1024Mi' }),
        quota({ 'requests.memory': '1Gi' }),
      ),
    ).toBe(true);
    expect(
      isApplied(
        quota({ 'requests.cpu': '500m' }),
        quota({ 'requests.cpu': '0.5' }),
      ),
    ).toBe(true);
    expect(
      isApplied(
        quota({ 'requests.cpu': '500m' }),
        quota({ 'requests.cpu': '1' }),
      ),
    ).toBe(false);
    const limitRange = (memory: string): PlannedObject => ({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'l', namespace: 'ray-a', labels },
      spec: { limits: [{ type: 'Container', default: { memory } }] },
    });
    expect(isApplied(limitRange('1024Mi'), limitRange('1Gi'))).toBe(true);
    expect(isApplied(limitRange('1024Mi'), limitRange('2Gi'))).toBe(false);
  });

  it('compares custom resources exactly (their strings are stored as sent)', () => {
    const queue = (memory: string): PlannedObject => ({
      apiVersion: 'scheduling.volcano.sh/v1beta1',
      kind: 'Queue',
      metadata: { name: 'ray-a', labels },
      spec: { capability: { memory } },
    });
    expect(isApplied(queue('1024Mi'), queue('1Gi'))).toBe(false);
  });

  it('compares every field we own, not only spec', () => {
    const secret: PlannedObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'n', labels },
      data: { a: '1' },
    };
    expect(isApplied(secret, { ...secret, data: { a: '2' } })).toBe(false);
  });
});
