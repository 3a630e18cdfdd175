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

/*
 * How Ray's Python formats numbers and keys in the dashboard's answers.
 */

/** Python's `str(float)`: `2.0`, `0.5`. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/** `ray._private.utils.format_memory`-like: `0B`, `512MiB`, `15.32GiB`. */
export function formatMemory(bytes: number): string {
  const suffixes = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  for (const suffix of suffixes) {
    if (value < 1024 || suffix === 'PiB')
      return Number.isInteger(value)
        ? `${value}${suffix}`
        : `${value.toFixed(2)}${suffix}`;
    value /= 1024;
  }
  return `${bytes}B`;
}

/** Python's `str.title()`: a letter after a non-letter is upper case, others lower case. */
function title(s: string): string {
  let out = '';
  let previousLetter = false;
  for (const c of s) {
    const letter = /\p{L}/u.test(c);
    if (!letter) out += c;
    else out += previousLetter ? c.toLowerCase() : c.toUpperCase();
    previousLetter = letter;
  }
  return out;
}

/** `ray/dashboard/utils.py` `to_camel_case`: `object_store_memory` → `objectStoreMemory`. */
export function toCamelCase(key: string): string {
  const [first, ...rest] = key.split('_');
  return first + rest.map(title).join('');
}

/**
 * `to_google_style`: camel-cases every key of a dict, also of dicts in lists, but not of
 * dicts in lists of lists (so `nodeTypes` and `resourceDemand` keep their keys), and not
 * values.
 */
export function toGoogleStyle(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[toCamelCase(k)] = Array.isArray(v)
      ? v.map(item =>
          typeof item === 'object' && item !== null && !Array.isArray(item)
            ? toGoogleStyle(item)
            : item,
        )
      : toGoogleStyle(v);
  }
  return out;
}

/** A Python dict literal of resources, as `ray status` prints demands: `{'CPU': 4.0}`. */
export function pyResourceDict(resources: Record<string, number>): string {
  return `{${Object.entries(resources)
    .map(([k, v]) => `'${k}': ${pyFloat(v)}`)
    .join(', ')}}`;
}
