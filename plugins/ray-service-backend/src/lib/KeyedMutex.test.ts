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

import { KeyedMutex } from './KeyedMutex';

/** A promise and its resolver, to hold a section open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>(resolve => {
    open = resolve;
  });
  return { open, opened };
}

const tick = () => new Promise(resolve => setImmediate(resolve));

describe('KeyedMutex', () => {
  it('runs sections of one key one at a time, in order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let inside = 0;
    let most = 0;
    const section = (name: string) => async () => {
      inside += 1;
      most = Math.max(most, inside);
      log.push(`${name} in`);
      await tick();
      await tick();
      log.push(`${name} out`);
      inside -= 1;
      return name;
    };
    const results = await Promise.all(
      ['a', 'b', 'c'].map(name => mutex.run(['k'], section(name))),
    );
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    expect(mutex.busyKeys).toEqual([]);
  });

  it('lets sections of other keys run meanwhile', async () => {
    const mutex = new KeyedMutex();
    const held = gate();
    const first = mutex.run(['east'], () => held.opened);
    let westRan = false;
    await mutex.run(['west'], async () => {
      westRan = true;
    });
    expect(westRan).toBe(true);
    held.open();
    await first;
  });

  it('makes a section of several keys wait for each, without deadlock', async () => {
    const mutex = new KeyedMutex();
    const east = gate();
    const west = gate();
    const log: string[] = [];
    const holdEast = mutex.run(['east'], async () => {
      await east.opened;
      log.push('east');
    });
    const holdWest = mutex.run(['west'], async () => {
      await west.opened;
      log.push('west');
    });
    const both = mutex.run(['west', 'east'], async () => {
      log.push('both');
    });
    const reversed = mutex.run(['east', 'west'], async () => {
      log.push('reversed');
    });
    await tick();
    expect(log).toEqual([]);
    west.open();
    await holdWest;
    await tick();
    expect(log).toEqual(['west']);
    east.open();
    await Promise.all([holdEast, both, reversed]);
    expect(log).toEqual(['west', 'east', 'both', 'reversed']);
    expect(mutex.busyKeys).toEqual([]);
  });

  it('releases the key when a section throws', async () => {
    const mutex = new KeyedMutex();
    await expect(
      mutex.run(['k'], async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(mutex.run(['k'], async () => 'next')).resolves.toBe('next');
    expect(mutex.busyKeys).toEqual([]);
  });
});
