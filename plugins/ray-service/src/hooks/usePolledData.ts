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

import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { RayServiceApi, rayServiceApiRef } from '../api';

export interface PollOptions<T> {
  /** The delay between loads while something changes; default 5 s. */
  intervalMs?: number;
  /** The longest delay the backoff reaches; default 60 s. */
  maxIntervalMs?: number;
  /** Whether the loaded value is still changing (a job running, …). */
  changing?: (value: T) => boolean;
}

/**
 * The delay before the next load: the base interval while the data changes;
 * doubled, up to the maximum, while it is settled or the load fails, so an
 * idle tab or an unreachable cluster is asked less and less often.
 */
export function nextPollDelay(
  previousMs: number,
  outcome: 'changing' | 'settled' | 'failed',
  options: { intervalMs: number; maxIntervalMs: number },
): number {
  if (outcome === 'changing') {
    return options.intervalMs;
  }
  return Math.min(
    Math.max(previousMs, options.intervalMs) * 2,
    options.maxIntervalMs,
  );
}

export interface PolledState<T> {
  value?: T;
  error?: Error;
  loading: boolean;
  /** Loads now and restarts the backoff, e.g. after an action. */
  retry: () => void;
}

/**
 * Loads from the ray-service API, then again and again with backoff
 * ({@link nextPollDelay}) while mounted. The last value stays while a later
 * load fails; the error is shown beside it. `deps` restart the polling.
 */
export function usePolledData<T>(
  load: (api: RayServiceApi) => Promise<T>,
  deps: unknown[],
  options: PollOptions<T> = {},
): PolledState<T> {
  const api = useApi(rayServiceApiRef);
  const { intervalMs = 5000, maxIntervalMs = 60_000 } = options;
  const [state, setState] = useState<Omit<PolledState<T>, 'retry'>>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  // The latest callbacks, without restarting the timer on every render.
  const latest = useRef({ load, changing: options.changing });
  latest.current = { load, changing: options.changing };

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = intervalMs;
    const tick = async () => {
      setState(previous => ({ ...previous, loading: true }));
      let outcome: 'changing' | 'settled' | 'failed';
      try {
        const value = await latest.current.load(api);
        if (stopped) return;
        setState({ value, loading: false });
        outcome = latest.current.changing?.(value) ? 'changing' : 'settled';
      } catch (error) {
        if (stopped) return;
        setState(previous => ({
          ...previous,
          error: error as Error,
          loading: false,
        }));
        outcome = 'failed';
      }
      delay = nextPollDelay(delay, outcome, { intervalMs, maxIntervalMs });
      timer = setTimeout(tick, delay);
    };
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, intervalMs, maxIntervalMs, round, ...deps]);

  const retry = useCallback(() => setRound(r => r + 1), []);
  return { ...state, retry };
}
