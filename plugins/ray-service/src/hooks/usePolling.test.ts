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

import { renderHook } from '@testing-library/react';
import { usePolling } from './usePolling';

describe('usePolling', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls every interval while enabled and stops on unmount', () => {
    const poll = jest.fn();
    const { unmount } = renderHook(() =>
      usePolling(poll, { intervalMs: 5000, enabled: true }),
    );
    jest.advanceTimersByTime(4999);
    expect(poll).not.toHaveBeenCalled();
    jest.advanceTimersByTime(10_001);
    expect(poll).toHaveBeenCalledTimes(3);

    unmount();
    jest.advanceTimersByTime(20_000);
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it('stops when disabled and calls the latest callback', () => {
    const first = jest.fn();
    const latest = jest.fn();
    const { rerender } = renderHook(
      ({ poll, enabled }) => usePolling(poll, { intervalMs: 1000, enabled }),
      { initialProps: { poll: first, enabled: true } },
    );
    rerender({ poll: latest, enabled: true });
    jest.advanceTimersByTime(1000);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);

    rerender({ poll: latest, enabled: false });
    jest.advanceTimersByTime(5000);
    expect(latest).toHaveBeenCalledTimes(1);
  });
});
