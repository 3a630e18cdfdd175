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

/** One series of the API server's `apiserver_request_total`. */
export interface RequestTotal {
  /** `LIST`, `GET`, `WATCH`, `APPLY`, `PATCH`, `POST`, `PUT`, `DELETE`, … */
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource: string;
  scope: string;
  code: string;
  count: number;
}

const SERIES = /^apiserver_request_total\{([^}]*)\} (\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The `apiserver_request_total` series of a `/metrics` text. */
export function parseRequestTotals(metrics: string): RequestTotal[] {
  const totals: RequestTotal[] = [];
  for (const line of metrics.split('\n')) {
    const match = SERIES.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, name, value] of match[1].matchAll(LABEL)) {
      labels[name] = value;
    }
    totals.push({
      verb: labels.verb ?? '',
      group: labels.group ?? '',
      version: labels.version ?? '',
      resource: labels.resource ?? '',
      subresource: labels.subresource ?? '',
      scope: labels.scope ?? '',
      code: labels.code ?? '',
      count: Number(match[2]),
    });
  }
  return totals;
}

const keyOf = (t: RequestTotal) =>
  [t.verb, t.group, t.version, t.resource, t.subresource, t.scope, t.code].join(
    '|',
  );

/** The requests counted between two readings (series that did not grow are left out). */
export function requestTotalsDelta(
  before: RequestTotal[],
  after: RequestTotal[],
): RequestTotal[] {
  const previous = new Map(before.map(t => [keyOf(t), t.count]));
  return after
    .map(t => ({ ...t, count: t.count - (previous.get(keyOf(t)) ?? 0) }))
    .filter(t => t.count > 0);
}
