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

import { KeyedWorkQueue } from './workQueue';

describe('KeyedWorkQueue', () => {
  let handled: string[];
  let queue: KeyedWorkQueue;

  /** The keys handled since the last call. */
  function takeHandled(): string[] {
    return handled.splice(0);
  }

  /**
   * Lets a scheduled batch run. Fake timers run an immediate that is queued while timers fire
   * one millisecond later, so a batch started by a timer needs that millisecond too.
   */
  function runBatch() {
    jest.advanceTimersByTime(1);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    handled = [];
    queue = new KeyedWorkQueue(key => handled.push(key));
  });
  afterEach(() => {
    queue.stop();
    jest.useRealTimers();
  });

  it('works off added keys on a later turn of the event loop, each once, in the order first added', () => {
    queue.add('a');
    queue.add('b');
    queue.add('a');
    expect(takeHandled()).toEqual([]);
    runBatch();
    expect(takeHandled()).toEqual(['a', 'b']);
    jest.runAllTimers();
    expect(takeHandled()).toEqual([]);
  });

  it('puts a key added while a batch runs into the next batch', () => {
    let first = true;
    queue = new KeyedWorkQueue(key => {
      handled.push(key);
      if (key === 'a' && first) {
        first = false;
        queue.add('a');
        queue.add('c');
      }
    });
    queue.add('a');
    queue.add('b');
    // only the first batch: the next one is queued while it runs, hence a millisecond later
    jest.advanceTimersByTime(0);
    expect(takeHandled()).toEqual(['a', 'b']);
    runBatch();
    expect(takeHandled()).toEqual(['a', 'c']);
    runBatch();
    expect(takeHandled()).toEqual([]);
  });

  it('adds a key after its delay, not before', () => {
    queue.addAfter('a', 100);
    jest.advanceTimersByTime(99);
    expect(takeHandled()).toEqual([]);
    jest.advanceTimersByTime(1);
    runBatch();
    expect(takeHandled()).toEqual(['a']);
  });

  it('keeps the earliest deadline of a key: a shorter delay replaces a longer one, a longer one is ignored', () => {
    queue.addAfter('a', 100);
    queue.addAfter('a', 50);
    queue.addAfter('b', 50);
    queue.addAfter('b', 100);
    jest.advanceTimersByTime(50);
    runBatch();
    expect(takeHandled()).toEqual(['a', 'b']);
    jest.advanceTimersByTime(1000);
    expect(takeHandled()).toEqual([]);
  });

  it('counts a delay from the moment addAfter is called', () => {
    queue.addAfter('a', 100);
    jest.advanceTimersByTime(80);
    // 30 ms from now is later than the 20 ms left: the earlier deadline stays
    queue.addAfter('a', 30);
    jest.advanceTimersByTime(20);
    runBatch();
    expect(takeHandled()).toEqual(['a']);
    jest.advanceTimersByTime(1000);
    expect(takeHandled()).toEqual([]);
  });

  it('cancels a delayed add but not a pending one', () => {
    queue.addAfter('a', 100);
    queue.add('b');
    queue.cancelDelayed('a');
    queue.cancelDelayed('b');
    jest.advanceTimersByTime(1000);
    expect(takeHandled()).toEqual(['b']);
  });

  it('drops pending and delayed keys on stop and ignores later adds', () => {
    queue.add('a');
    queue.addAfter('b', 100);
    queue.stop();
    queue.add('c');
    queue.addAfter('d', 10);
    jest.advanceTimersByTime(1000);
    expect(takeHandled()).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
