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

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * The clock of the simulated Ray heads: wall time plus an offset that tests move forward with
 * `advance(ms)`. Timers fire on their own when their (wall) time comes, or at once, in
 * deadline order, when `advance` passes them — so a test brings a job from PENDING to
 * SUCCEEDED by advancing, without waiting and without racing the wall clock.
 */
export class SimClock {
  private offset = 0;
  /** While a timer fires: its deadline, the time it sees (and schedules from). */
  private firing?: number;
  private seq = 0;
  private readonly timers: Timer[] = [];
  private wakeup?: NodeJS.Timeout;
  private stopped = false;

  /** `wallNow`: the wall clock the offset is added to. */
  constructor(private readonly wallNow: () => number = Date.now) {}

  /**
   * A clock that only `advance` moves (its wall clock stands still at
   * `at`): for tests that assert what has not happened yet, which a wall
   * clock would race on a busy machine.
   */
  static manual(at = Date.UTC(2026, 0, 1)): SimClock {
    return new SimClock(() => at);
  }

  /** Milliseconds since the epoch, as the simulated heads see them. */
  now(): number {
    return this.firing ?? this.wallNow() + this.offset;
  }

  /** Calls `fire` once the clock reaches `now() + delayMs` (a delay of 0 fires on the next advance or timer turn). */
  after(delayMs: number, fire: () => void): void {
    if (this.stopped) return;
    this.timers.push({
      at: this.now() + Math.max(0, delayMs),
      seq: this.seq++,
      fire,
    });
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.arm();
  }

  /**
   * Moves the clock forward and fires, in order, every timer that comes due — also ones those
   * timers add, each at its own deadline (a job started at t+1000 that runs 2000 ends at t+3000).
   */
  advance(ms: number): void {
    const target = this.now() + Math.max(0, ms);
    this.fireUntil(target);
    this.offset += target - this.now();
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.timers.length = 0;
    if (this.wakeup) clearTimeout(this.wakeup);
  }

  private fireUntil(until: number) {
    while (!this.stopped && this.timers.length && this.timers[0].at <= until) {
      const timer = this.timers.shift()!;
      this.firing = Math.max(timer.at, this.wallNow() + this.offset);
      try {
        timer.fire();
      } finally {
        this.firing = undefined;
      }
    }
  }

  private fireDue() {
    this.fireUntil(this.now());
    this.arm();
  }

  private arm() {
    if (this.wakeup) clearTimeout(this.wakeup);
    this.wakeup = undefined;
    if (this.stopped || !this.timers.length) return;
    this.wakeup = setTimeout(
      () => this.fireDue(),
      Math.max(0, this.timers[0].at - this.now()),
    );
    this.wakeup.unref?.();
  }
}
