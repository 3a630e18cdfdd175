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

import { performance } from 'node:perf_hooks';

export interface Timings {
  endpoint: string;
  durationsMs: number[];
}

/** A GET to the plugin's API; resolves with the parsed body. */
export type Get = (path: string) => Promise<{ nextCursor?: string }>;

/** How measureList walks a list: the page size and how many pages to fetch. */
export interface ListWalk {
  limit: number;
  minRequests: number;
  maxRequests: number;
}

/**
 * Walks every page of a list (`limit` items each, following `nextCursor`)
 * until at least `minRequests` pages were fetched; the first walk warms up
 * and is not measured. Bounded by `maxRequests`.
 */
export async function measureList(
  get: Get,
  endpoint: string,
  options: ListWalk,
): Promise<Timings> {
  const walk = async (record?: (ms: number) => void) => {
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: String(options.limit) });
      if (cursor) {
        query.set('cursor', cursor);
      }
      const start = performance.now();
      const page = await get(`${endpoint}?${query}`);
      record?.(performance.now() - start);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < options.maxRequests);
  };

  await walk();
  const durationsMs: number[] = [];
  while (
    durationsMs.length < options.minRequests &&
    durationsMs.length < options.maxRequests
  ) {
    await walk(ms => durationsMs.push(ms));
  }
  return { endpoint, durationsMs };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export interface Summary {
  endpoint: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize({ endpoint, durationsMs }: Timings): Summary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return {
    endpoint,
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1],
  };
}

/** The summary of measureList as `caller`, its endpoint labelled with the caller. */
export async function summarizeListAs(
  caller: string,
  get: Get,
  endpoint: string,
  options: ListWalk,
): Promise<Summary> {
  const timings = await measureList(get, endpoint, options);
  return summarize({ ...timings, endpoint: `${endpoint} (${caller})` });
}

/**
 * Makes the run exit with 1. Set at exit: something in a stopped backend's
 * stack resets an exitCode set earlier (bench:ray exited 0 over budget).
 */
export function failAtExit(): void {
  process.once('exit', () => {
    process.exitCode = 1;
  });
}

/**
 * Prints the endpoints whose p95 reached the budget and fails the run, or
 * that every p95 (`what`, e.g. "list p95") is below it.
 */
export function checkP95Budget(
  summaries: Summary[],
  budgetMs: number,
  what = 'p95',
): void {
  const slow = summaries.filter(s => s.p95 >= budgetMs);
  if (slow.length > 0) {
    console.error(
      `\np95 budget of ${budgetMs} ms exceeded by: ${slow
        .map(s => s.endpoint)
        .join(', ')}`,
    );
    failAtExit();
  } else {
    console.log(`\nEvery ${what} is below ${budgetMs} ms.`);
  }
}

/** A fixed-width table of the summaries, times in milliseconds. */
export function formatTable(summaries: Summary[]): string {
  const rows = [
    ['endpoint', 'count', 'p50 ms', 'p95 ms', 'max ms'],
    ...summaries.map(s => [
      `GET ${s.endpoint}`,
      String(s.count),
      s.p50.toFixed(1),
      s.p95.toFixed(1),
      s.max.toFixed(1),
    ]),
  ];
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => row[column].length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[column])
          : cell.padStart(widths[column]),
      )
      .join('  ');
  return [
    line(rows[0]),
    widths.map(width => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

/**
 * Checks `check` every `intervalMs` until it answers something truthy and
 * resolves with it; gives up after ten minutes.
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until this process's event loop has been nearly idle (under 10%
 * busy) for two windows of 250 ms in a row: the backends a benchmark runs
 * in-process have finished what the previous phase set off (reconciles of
 * claimed tenants, pool passes), so the next phase measures itself.
 */
export async function untilQuiet(what: string): Promise<void> {
  let quietWindows = 0;
  await until(
    what,
    async () => {
      const before = performance.eventLoopUtilization();
      await new Promise(resolve => setTimeout(resolve, 250));
      const busy = performance.eventLoopUtilization(before).utilization;
      quietWindows = busy < 0.1 ? quietWindows + 1 : 0;
      return quietWindows >= 2;
    },
    0,
  );
}
