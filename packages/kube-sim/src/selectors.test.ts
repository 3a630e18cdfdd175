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
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';
import { ApiError } from './errors';

describe('label selectors', () => {
  const labels = {
    app: 'ray',
    tier: 'head',
    'ray-service.io/tenant': 'team-a',
  };
  it.each([
    ['app=ray', true],
    ['app==ray', true],
    ['app=web', false],
    ['app!=web', true],
    ['app!=ray', false],
    ['missing!=x', true],
    ['app in (web,ray)', true],
    ['app in (web, db)', false],
    ['app notin (web)', true],
    ['app notin (ray,web)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=ray,tier=head', true],
    ['app=ray,tier=worker', false],
    ['app in (ray),!missing,ray-service.io/tenant=team-a', true],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabels(labels, parseLabelSelector(selector))).toBe(expected);
  });

  it('matches objects without labels only with negative requirements', () => {
    expect(
      matchesLabels(undefined, parseLabelSelector('!a,b!=c,d notin (e)')),
    ).toBe(true);
    expect(matchesLabels(undefined, parseLabelSelector('a'))).toBe(false);
  });

  it('rejects syntax errors with a 400', () => {
    let err: unknown;
    try {
      parseLabelSelector('a in b');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(400);
  });
});

describe('field selectors', () => {
  const obj = {
    metadata: { name: 'n1', namespace: 'ns1' },
    status: { phase: 'Running' },
  };
  it.each([
    ['metadata.name=n1', true],
    ['metadata.name==n1', true],
    ['metadata.name=n2', false],
    ['metadata.namespace=ns1,metadata.name!=n2', true],
    ['status.phase=Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesFields(obj, parseFieldSelector(selector))).toBe(expected);
  });
});
