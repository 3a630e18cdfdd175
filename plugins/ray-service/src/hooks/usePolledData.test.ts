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

import { nextPollDelay } from './usePolledData';

describe('nextPollDelay', () => {
  const options = { intervalMs: 5000, maxIntervalMs: 60_000 };

  it('keeps the base interval while the data changes', () => {
    expect(nextPollDelay(40_000, 'changing', options)).toBe(5000);
  });

  it('backs off while settled or failing, up to the maximum', () => {
    const delays: number[] = [];
    let delay = 5000;
    for (let i = 0; i < 5; i++) {
      delay = nextPollDelay(delay, i % 2 ? 'failed' : 'settled', options);
      delays.push(delay);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});
