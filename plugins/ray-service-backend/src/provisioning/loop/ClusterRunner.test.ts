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

import { ClusterRunner } from './ClusterRunner';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('ClusterRunner', () => {
  it('never overlaps passes and runs once more for any number of requests during one', async () => {
    const gates = [deferred(), deferred()];
    let running = 0;
    let maxRunning = 0;
    let passes = 0;
    const runner = new ClusterRunner(async () => {
      const gate = gates[passes++];
      running++;
      maxRunning = Math.max(maxRunning, running);
      await gate?.promise;
      running--;
      return passes;
    });
    const first = runner.run();
    const second = runner.run();
    const third = runner.run();
    gates[0].resolve();
    gates[1].resolve();
    expect(await Promise.all([first, second, third])).toEqual([2, 2, 2]);
    expect(passes).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it('coalesces scheduled passes and stops cleanly', async () => {
    jest.useFakeTimers();
    try {
      const pass = jest.fn(async () => 'done');
      const runner = new ClusterRunner(pass);
      runner.schedule(1000);
      runner.schedule(50);
      runner.schedule(500);
      await jest.advanceTimersByTimeAsync(60);
      expect(pass).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(2000);
      expect(pass).toHaveBeenCalledTimes(1);

      runner.schedule(10);
      await runner.stop();
      await jest.advanceTimersByTimeAsync(100);
      expect(pass).toHaveBeenCalledTimes(1);
      expect(await runner.run()).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('passes once a series of changes quiets down, and at the latest its maximum wait after the first', async () => {
    jest.useFakeTimers();
    try {
      const pass = jest.fn(async () => 'done');
      const runner = new ClusterRunner(pass);
      // a change every 20 ms for 200 ms: no pass during the series
      for (let i = 0; i < 10; i++) {
        runner.scheduleAfterQuiet(50, 1000);
        await jest.advanceTimersByTimeAsync(20);
      }
      expect(pass).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(40);
      expect(pass).toHaveBeenCalledTimes(1);

      // a series that never quiets down passes after its maximum wait
      for (let i = 0; i < 60; i++) {
        runner.scheduleAfterQuiet(50, 1000);
        await jest.advanceTimersByTimeAsync(20);
      }
      expect(pass).toHaveBeenCalledTimes(2);

      // a pass scheduled sooner than the quiet one is not put off by changes
      runner.schedule(30);
      runner.scheduleAfterQuiet(50, 1000);
      await jest.advanceTimersByTimeAsync(35);
      expect(pass).toHaveBeenCalledTimes(3);
      await runner.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
