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

/**
 * Runs the passes of one host cluster one at a time: a pass asked for while
 * one runs starts right after it (however many were asked for), a delayed
 * pass is coalesced with any that is due sooner, and a series of changes
 * makes one pass once it quiets down.
 */
export class ClusterRunner<R> {
  private running?: Promise<R | undefined>;
  private rerun = false;
  private timer?: NodeJS.Timeout;
  private timerDue = Infinity;
  /** The earliest pass {@link schedule} asked for. */
  private scheduledDue = Infinity;
  /** The pass {@link scheduleAfterQuiet} asked for, and when its series began. */
  private quietDue = Infinity;
  private seriesStart?: number;
  private stopped = false;

  constructor(private readonly pass: () => Promise<R>) {}

  /**
   * Runs a pass now, or after the running one. Resolves with the result of
   * the last pass, once no more are asked for.
   */
  run(): Promise<R | undefined> {
    if (this.stopped) {
      return Promise.resolve(undefined);
    }
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      let result: R | undefined;
      try {
        do {
          this.rerun = false;
          result = await this.pass();
        } while (this.rerun && !this.stopped);
        return result;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** A pass in `delayMs`, unless one is due sooner already. */
  schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.scheduledDue = Math.min(this.scheduledDue, Date.now() + delayMs);
    this.arm();
  }

  /**
   * A pass once changes stop coming: `quietMs` after the last call of a
   * series, at the latest `maxWaitMs` after its first (or sooner when
   * {@link schedule} asked for it). A burst of changes — fifty creates at
   * once, a stream of watch events — makes one pass after it instead of
   * passes that compete with it for the event loop.
   */
  scheduleAfterQuiet(quietMs: number, maxWaitMs: number): void {
    if (this.stopped) {
      return;
    }
    const now = Date.now();
    this.seriesStart ??= now;
    this.quietDue = Math.min(now + quietMs, this.seriesStart + maxWaitMs);
    this.arm();
  }

  private arm() {
    const due = Math.min(this.scheduledDue, this.quietDue);
    if (this.timer && this.timerDue === due) {
      return;
    }
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.disarm();
      // pass() reports its own errors
      this.run().catch(() => {});
    }, Math.max(0, due - Date.now()));
    this.timer.unref?.();
  }

  private disarm() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
    this.scheduledDue = Infinity;
    this.quietDue = Infinity;
    this.seriesStart = undefined;
  }

  /** Resolves once no pass runs and none is due within `withinMs`. */
  async idle(withinMs = 100): Promise<void> {
    while (
      !this.stopped &&
      (this.running || (this.timer && this.timerDue - Date.now() <= withinMs))
    ) {
      await (this.running?.catch(() => undefined) ??
        new Promise(resolve => setTimeout(resolve, 10)));
    }
  }

  /** Drops the delayed pass, if any; resolves when the running one is done. */
  async cancel(): Promise<void> {
    this.disarm();
    await this.running?.catch(() => undefined);
  }

  /** No more passes; resolves when the running one is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.running?.catch(() => undefined);
  }
}

/**
 * A ClusterRunner per key (a host cluster, a warm pool), made on first use:
 * passes of one key never overlap; those of different keys run side by side.
 */
export class KeyedRunners<R> {
  private readonly runners = new Map<string, ClusterRunner<R>>();

  constructor(private readonly pass: (key: string) => Promise<R>) {}

  of(key: string): ClusterRunner<R> {
    let runner = this.runners.get(key);
    if (!runner) {
      runner = new ClusterRunner(() => this.pass(key));
      this.runners.set(key, runner);
    }
    return runner;
  }

  /** Drops every delayed pass; resolves when the running ones are done. */
  async cancel(): Promise<void> {
    await Promise.all([...this.runners.values()].map(r => r.cancel()));
  }

  /** No more passes of any key; resolves when the running ones are done. */
  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map(r => r.stop()));
  }
}
