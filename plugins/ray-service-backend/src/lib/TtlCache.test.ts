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

import { TtlCache } from './TtlCache';

describe('TtlCache', () => {
  let now = 0;
  const cache = () => new TtlCache<string>(1000, () => now);

  beforeEach(() => {
    now = 0;
  });

  it('loads once while fresh, sharing a pending load', async () => {
    const c = cache();
    const load = jest.fn(async () => 'v1');
    expect(await Promise.all([c.get('k', load), c.get('k', load)])).toEqual([
      'v1',
      'v1',
    ]);
    now = 1000;
    expect(await c.get('k', load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers a stale value at once and refreshes it in the background', async () => {
    const c = cache();
    await c.get('k', async () => 'v1');
    now = 1001;
    let finishRefresh: (value: string) => void = () => {};
    const refresh = jest.fn(
      () => new Promise<string>(resolve => (finishRefresh = resolve)),
    );
    expect(await c.get('k', refresh)).toBe('v1');
    expect(await c.get('k', refresh)).toBe('v1');
    expect(refresh).toHaveBeenCalledTimes(1);
    finishRefresh('v2');
    await new Promise(setImmediate);
    expect(await c.get('k', refresh)).toBe('v2');
  });

  it('does not cache failures', async () => {
    const c = cache();
    await expect(
      c.get('k', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(await c.get('k', async () => 'v1')).toBe('v1');
  });

  it('keeps the stale value when a refresh fails', async () => {
    const c = cache();
    await c.get('k', async () => 'v1');
    now = 2000;
    expect(
      await c.get('k', async () => {
        throw new Error('down');
      }),
    ).toBe('v1');
    await new Promise(setImmediate);
    expect(await c.get('k', async () => 'v2')).toBe('v1');
  });
});
