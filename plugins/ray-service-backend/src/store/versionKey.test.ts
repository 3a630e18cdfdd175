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

import semver from 'semver';
import { versionSortKey } from './versionKey';

describe('versionSortKey', () => {
  const versions = [
    '0.9.0',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-alpha-x',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.2.0',
    '1.9.0',
    '1.10.0',
    '2.0.0',
    '10.0.0',
  ];

  it('orders like semver precedence', () => {
    const shuffled = [...versions].reverse();
    const byKey = [...shuffled].sort((a, b) =>
      versionSortKey(a) < versionSortKey(b) ? -1 : 1,
    );
    expect(byKey).toEqual([...shuffled].sort(semver.compare));
    expect(byKey).toEqual(versions);
  });

  it('is made of digits only, so any collation sorts it the same', () => {
    for (const version of versions) {
      expect(versionSortKey(version)).toMatch(/^\d+$/);
    }
  });

  it('ignores build metadata', () => {
    expect(versionSortKey('1.0.0+build.5')).toBe(versionSortKey('1.0.0'));
  });

  it('rejects what is not a version', () => {
    expect(() => versionSortKey('v1')).toThrow(/not a semantic version/);
  });
});
