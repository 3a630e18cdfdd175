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

function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/**
 * The lines of `current` that `previous` did not show yet, for two reads of
 * the end of a growing log: the longest end of `previous` that starts
 * `current` is what both saw. When nothing overlaps (the log grew by more
 * than a tail), all of `current` is new.
 */
export function newLogLines(previous: string, current: string): string[] {
  const before = linesOf(previous);
  const after = linesOf(current);
  for (
    let overlap = Math.min(before.length, after.length);
    overlap > 0;
    overlap--
  ) {
    const start = before.length - overlap;
    let same = true;
    for (let i = 0; i < overlap && same; i++) {
      same = before[start + i] === after[i];
    }
    if (same) {
      return after.slice(overlap);
    }
  }
  return after;
}
