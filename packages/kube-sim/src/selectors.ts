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

import { badRequest } from './errors';
import { KubeObject } from './util';

export type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

export type LabelSelector = LabelRequirement[];

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const KEY_RE = new RegExp(`^${KEY}$`);

/** Parses a label selector (`a=b,c!=d,e in (x,y),!f`). Throws a 400 on syntax errors. */
export function parseLabelSelector(
  input: string | null | undefined,
): LabelSelector {
  if (!input) return [];
  const reqs: LabelSelector = [];
  for (const part of splitTopLevel(input)) {
    const notExists = /^!\s*(\S+)$/.exec(part);
    const equality = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(part);
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
    if (notExists) {
      reqs.push({ key: checkKey(notExists[1], part), op: 'notexists' });
    } else if (equality) {
      const key = checkKey(equality[1], part);
      reqs.push({
        key,
        op: equality[2] === '!=' ? 'notin' : 'in',
        values: [equality[3]],
      });
    } else if (set) {
      const key = checkKey(set[1], part);
      const values = set[3]
        .split(',')
        .map(v => v.trim())
        .filter(v => v.length > 0);
      reqs.push({ key, op: set[2] as 'in' | 'notin', values });
    } else if (KEY_RE.test(part)) {
      reqs.push({ key: part, op: 'exists' });
    } else {
      throw badRequest(`unable to parse requirement: found '${part}'`);
    }
  }
  return reqs;
}

function checkKey(key: string, part: string): string {
  if (!KEY_RE.test(key)) {
    throw badRequest(
      `unable to parse requirement: invalid label key "${key}" in "${part}"`,
    );
  }
  return key;
}

export function matchesLabels(
  labels: Record<string, string> | undefined,
  selector: LabelSelector,
): boolean {
  for (const r of selector) {
    const has =
      labels !== undefined &&
      Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(labels![r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(labels![r.key])) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Converts a `metav1.LabelSelector` object (matchLabels/matchExpressions) to requirements. */
export function fromLabelSelectorObject(
  sel: KubeObject | undefined,
): LabelSelector {
  const reqs: LabelSelector = [];
  if (!sel) return reqs;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    reqs.push({ key: k, op: 'in', values: [String(v)] });
  }
  for (const e of sel.matchExpressions ?? []) {
    const op = String(e.operator ?? '').toLowerCase();
    if (op === 'in' || op === 'notin') {
      reqs.push({ key: e.key, op, values: (e.values ?? []).map(String) });
    } else if (op === 'exists') {
      reqs.push({ key: e.key, op: 'exists' });
    } else if (op === 'doesnotexist') {
      reqs.push({ key: e.key, op: 'notexists' });
    }
  }
  return reqs;
}

export interface FieldRequirement {
  path: string[];
  field: string;
  value: string;
  negate: boolean;
}

export type FieldSelector = FieldRequirement[];

/** Parses a field selector (`metadata.name=x,status.phase!=Running`). */
export function parseFieldSelector(
  input: string | null | undefined,
): FieldSelector {
  if (!input) return [];
  const reqs: FieldSelector = [];
  for (const part of splitTopLevel(input)) {
    const m = /^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/.exec(part);
    if (!m) {
      throw badRequest(
        `invalid selector: '${input}'; can't understand '${part}'`,
      );
    }
    reqs.push({
      field: m[1],
      path: m[1].split('.'),
      value: m[3].trim(),
      negate: m[2] === '!=',
    });
  }
  return reqs;
}

export function matchesFields(
  obj: KubeObject,
  selector: FieldSelector,
): boolean {
  for (const r of selector) {
    let cur: any = obj;
    for (const p of r.path)
      cur = cur === null || cur === undefined ? undefined : cur[p];
    const actual = cur === undefined || cur === null ? '' : String(cur);
    if ((actual === r.value) === r.negate) return false;
  }
  return true;
}
