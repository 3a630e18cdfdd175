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

import { SimClock } from './clock';

describe('SimClock', () => {
  it('fires due timers in deadline order when advanced, each seeing its own deadline', () => {
    const clock = SimClock.manual();
    const start = clock.now();
    const seen: Array<[string, number]> = [];
    clock.after(3000, () => seen.push(['c', clock.now() - start]));
    clock.after(1000, () => {
      seen.push(['a', clock.now() - start]);
      // a timer added by a timer counts from the deadline it fired at
      clock.after(1500, () => seen.push(['b', clock.now() - start]));
    });
    clock.advance(999);
    expect(seen).toEqual([]);
    clock.advance(5000);
    expect(seen.map(([k]) => k)).toEqual(['a', 'b', 'c']);
    expect(seen[0][1]).toBeGreaterThanOrEqual(1000);
    expect(seen[1][1]).toBeGreaterThanOrEqual(2500);
    expect(seen[1][1]).toBeLessThan(3000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(5999);
    clock.stop();
  });

  it('fires nothing after stop', () => {
    const clock = SimClock.manual();
    const fire = jest.fn();
    clock.after(10, fire);
    clock.stop();
    clock.advance(100);
    expect(fire).not.toHaveBeenCalled();
  });
});
