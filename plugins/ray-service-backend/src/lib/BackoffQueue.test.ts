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

import { BackoffQueue } from './BackoffQueue';

/** A queue on a clock the test moves, with a fixed random source. */
function queue(options: { random?: () => number; jitter?: number } = {}) {
  let now = 1_000;
  const q = new BackoffQueue({
    baseMs: 1_000,
    maxMs: 300_000,
    now: () => now,
    random: options.random ?? (() => 0),
    ...(options.jitter !== undefined && { jitter: options.jitter }),
  });
  return {
    q,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('BackoffQueue', () => {
  it('hands out a key once it is due, and only once', () => {
    const { q, advance } = queue();
    q.add('a');
    q.add('b', 500);
    expect(q.take()).toEqual(['a']);
    expect(q.take()).toEqual([]);
    expect(q.nextDueAt()).toBe(1_500);
    advance(499);
    expect(q.take()).toEqual([]);
    advance(1);
    expect(q.take()).toEqual(['b']);
    expect(q.nextDueAt()).toBeUndefined();
  });

  it('keeps a key at its earliest due time', () => {
    const { q, advance } = queue();
    q.add('a', 5_000);
    q.add('a', 100);
    q.add('a', 9_000);
    advance(100);
    expect(q.take()).toEqual(['a']);
  });

  it('doubles the delay of each retry in a row, from 1 s up to 5 min, until forgotten', () => {
    const { q } = queue();
    const delays = Array.from({ length: 11 }, () => q.retry('stuck'));
    expect(delays).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000,
      300_000, 300_000,
    ]);
    expect(q.retriesOf('stuck')).toBe(11);
    q.forget('stuck');
    expect(q.retry('stuck')).toBe(1_000);
  });

  it('takes up to the jitter fraction off each delay, from the random source', () => {
    const draws = [0.5, 0.999, 0];
    const { q } = queue({ random: () => draws.shift()!, jitter: 0.2 });
    expect(q.retry('a')).toBe(900);
    expect(q.retry('a')).toBe(1_600);
    expect(q.retry('a')).toBe(4_000);
  });

  it('lets an event bring a backed-off key forward, keeping its retry count', () => {
    const { q } = queue();
    q.retry('a');
    q.retry('a');
    expect(q.nextDueAt()).toBe(2_000);
    q.add('a');
    expect(q.take()).toEqual(['a']);
    expect(q.retry('a')).toBe(4_000);
  });

  it('keeps retry counts of other keys apart', () => {
    const { q } = queue();
    q.retry('stuck');
    q.retry('stuck');
    q.retry('stuck');
    expect(q.retry('fresh')).toBe(1_000);
    q.remove('stuck');
    q.remove('fresh');
    expect(q.nextDueAt()).toBeUndefined();
    q.clear();
    expect(q.retriesOf('stuck')).toBe(0);
  });
});
