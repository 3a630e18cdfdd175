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

import { useEffect, useRef } from 'react';

/**
 * Calls `poll` every `intervalMs` while `enabled`, e.g. to reload a list while
 * something in it is still changing. Stops when disabled or unmounted.
 */
export function usePolling(
  poll: () => void,
  options: { intervalMs: number; enabled: boolean },
) {
  const { intervalMs, enabled } = options;
  // The latest callback, without restarting the timer on every render.
  const pollRef = useRef(poll);
  useEffect(() => {
    pollRef.current = poll;
  });
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const timer = setInterval(() => pollRef.current(), intervalMs);
    return () => clearInterval(timer);
  }, [enabled, intervalMs]);
}

/**
 * Reloads `state` every `intervalMs` while `enabled`, unless it is still
 * loading from the last time.
 */
export function useReloadEvery(
  state: { loading: boolean; retry: () => void },
  intervalMs: number,
  enabled = true,
) {
  usePolling(
    () => {
      if (!state.loading) {
        state.retry();
      }
    },
    { intervalMs, enabled },
  );
}
