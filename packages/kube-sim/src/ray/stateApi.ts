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

import type { SimRayHead } from './head';
import { json, RayResponse } from './http';

/*
 * Ray 2.60's state API lists (`GET /api/v0/{nodes,tasks,actors}`): the envelope
 * `{result, msg, data: {result: {total, …, result: [...]}}}`, `limit`, `detail`,
 * `filter_keys`/`_predicates`/`_values` on the resource's filter columns; bad ones are a
 * 400 with Ray's message.
 */

type Item = Record<string, unknown>;

function pythonBool(value: boolean): string {
  return value ? 'True' : 'False';
}

function stateError(msg: string): RayResponse {
  return json(400, { result: false, msg, data: { result: null } });
}

/** One state API list of `items(detail)`, filtered and limited as `query` asks. */
export function stateList(
  query: URLSearchParams,
  filterColumns: string[],
  items: (detail: boolean) => Item[],
): RayResponse {
  const limitText = query.get('limit') ?? '100';
  if (!/^\d+$/.test(limitText))
    return stateError(`invalid literal for int() with base 10: '${limitText}'`);
  const keys = query.getAll('filter_keys');
  const predicates = query.getAll('filter_predicates');
  const values = query.getAll('filter_values');
  const unknown = keys.find(k => !filterColumns.includes(k));
  if (unknown)
    return stateError(
      `The given filter column ${unknown} is not supported. Enter filters with \u2013-filter key=value or \u2013-filter key!=value Supported filter columns: {${filterColumns
        .map(f => `'${f}'`)
        .join(', ')}}`,
    );
  const detail = ['1', 'true', 'True'].includes(query.get('detail') ?? '');
  const all = items(detail);
  const filtered = all.filter(item =>
    keys.every((k, i) => {
      // compared as Python's str() would show the value (True/False for booleans)
      const value = item[k];
      const shown =
        typeof value === 'boolean' ? pythonBool(value) : String(value);
      const equal = shown.toLowerCase() === String(values[i]).toLowerCase();
      return predicates[i] === '!=' ? !equal : equal;
    }),
  );
  const shown = filtered.slice(0, Number(limitText));
  return json(200, {
    result: true,
    msg: '',
    data: {
      result: {
        total: all.length,
        num_after_truncation: shown.length,
        num_filtered: filtered.length,
        result: shown,
        partial_failure_warning: '',
        warnings: null,
      },
    },
  });
}

const TASK_FILTERS = [
  'task_id',
  'name',
  'state',
  'job_id',
  'node_id',
  'type',
  'func_or_class_name',
];
const ACTOR_FILTERS = [
  'actor_id',
  'class_name',
  'state',
  'job_id',
  'node_id',
  'name',
  'ray_namespace',
];

/**
 * `GET /api/v0/tasks`: what does not fit the nodes waits as one task in
 * `PENDING_NODE_ASSIGNMENT` with its `required_resources`; running work is not listed.
 */
export function stateTasks(
  head: SimRayHead,
  query: URLSearchParams,
): RayResponse {
  const { pending } = head.usage();
  return stateList(query, TASK_FILTERS, detail =>
    Object.keys(pending).length === 0
      ? []
      : [
          {
            task_id: 'ffffffffffffffffffffffffffffffffffffffff02000000',
            name: 'pending_work',
            state: 'PENDING_NODE_ASSIGNMENT',
            job_id: '02000000',
            node_id: null,
            type: 'NORMAL_TASK',
            func_or_class_name: 'pending_work',
            ...(detail && {
              required_resources: pending,
              creation_time_ms: head.clock.now() + 0.0,
            }),
          },
        ],
  );
}

/** `GET /api/v0/actors`: none; Serve replicas and jobs count as tasks above. */
export function stateActors(
  _head: SimRayHead,
  query: URLSearchParams,
): RayResponse {
  return stateList(query, ACTOR_FILTERS, () => []);
}
