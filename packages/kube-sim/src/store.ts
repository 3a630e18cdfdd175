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

import { bucketKey, ResourceType } from './registry';
import {
  LabelSelector,
  matchesLabels,
  FieldSelector,
  matchesFields,
} from './selectors';
import { KubeObject } from './util';

/** One stored object. Entries are immutable: every write replaces the entry. */
export interface Entry {
  readonly obj: KubeObject;
  /** Cached serialization of `obj`. */
  json?: string;
}

/** The type an object is stored under. */
type TypeRef = Pick<ResourceType, 'group' | 'resource'>;

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  group: string;
  resource: string;
  obj: KubeObject;
  old?: KubeObject;
}

export type StoreListener = (event: StoreEvent) => void;

export function entryJson(e: Entry): string {
  if (e.json === undefined) e.json = JSON.stringify(e.obj);
  return e.json;
}

function fullKey(ns: string, name: string): string {
  return `${ns}/${name}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/**
 * First index in the sorted array whose value is >= v, or with `after`, > v.
 */
function bound(arr: string[], v: string, after = false): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < v || (after && arr[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(arr: string[], v: string) {
  const i = bound(arr, v);
  if (arr[i] !== v) arr.splice(i, 0, v);
}

function removeSorted(arr: string[], v: string) {
  const i = bound(arr, v);
  if (arr[i] === v) arr.splice(i, 1);
}

/** All objects of one (group, resource), across versions and namespaces. */
class Bucket {
  readonly byNs = new Map<string, Map<string, Entry>>();
  /** label key → label value → full keys (`ns/name`). */
  readonly labelIndex = new Map<string, Map<string, Set<string>>>();
  /** Sorted full keys per namespace and over all namespaces; built lazily, then kept up to date. */
  private sortedNs = new Map<string, string[]>();
  private sortedAll?: string[];
  size = 0;

  get(ns: string, name: string): Entry | undefined {
    return this.byNs.get(ns)?.get(name);
  }

  getByKey(key: string): Entry | undefined {
    const [ns, name] = splitKey(key);
    return this.get(ns, name);
  }

  put(ns: string, name: string, entry: Entry, previous?: Entry) {
    let m = this.byNs.get(ns);
    if (!m) {
      m = new Map();
      this.byNs.set(ns, m);
    }
    const key = fullKey(ns, name);
    if (previous) this.unindexLabels(key, previous.obj);
    else {
      this.size++;
      const s = this.sortedNs.get(ns);
      if (s) insertSorted(s, key);
      if (this.sortedAll) insertSorted(this.sortedAll, key);
    }
    m.set(name, entry);
    this.indexLabels(key, entry.obj);
  }

  remove(ns: string, name: string): Entry | undefined {
    const m = this.byNs.get(ns);
    const e = m?.get(name);
    if (!m || !e) return undefined;
    const key = fullKey(ns, name);
    m.delete(name);
    if (m.size === 0) {
      this.byNs.delete(ns);
      this.sortedNs.delete(ns);
    } else {
      const s = this.sortedNs.get(ns);
      if (s) removeSorted(s, key);
    }
    if (this.sortedAll) removeSorted(this.sortedAll, key);
    this.unindexLabels(key, e.obj);
    this.size--;
    return e;
  }

  sortedKeys(ns?: string): string[] {
    if (ns !== undefined) {
      let s = this.sortedNs.get(ns);
      if (!s) {
        const m = this.byNs.get(ns);
        s = m ? [...m.keys()].map(n => fullKey(ns, n)).sort() : [];
        if (m) this.sortedNs.set(ns, s);
      }
      return s;
    }
    if (!this.sortedAll) {
      const all: string[] = [];
      for (const [n, m] of this.byNs)
        for (const name of m.keys()) all.push(fullKey(n, name));
      this.sortedAll = all.sort();
    }
    return this.sortedAll;
  }

  private indexLabels(key: string, obj: KubeObject) {
    const labels = obj.metadata?.labels;
    if (!labels) return;
    for (const [k, v] of Object.entries(labels)) {
      let byValue = this.labelIndex.get(k);
      if (!byValue) {
        byValue = new Map();
        this.labelIndex.set(k, byValue);
      }
      let set = byValue.get(String(v));
      if (!set) {
        set = new Set();
        byValue.set(String(v), set);
      }
      set.add(key);
    }
  }

  private unindexLabels(key: string, obj: KubeObject) {
    const labels = obj.metadata?.labels;
    if (!labels) return;
    for (const [k, v] of Object.entries(labels)) {
      const byValue = this.labelIndex.get(k);
      const set = byValue?.get(String(v));
      if (!set) continue;
      set.delete(key);
      if (set.size === 0) {
        byValue!.delete(String(v));
        if (byValue!.size === 0) this.labelIndex.delete(k);
      }
    }
  }

  /** Candidate keys from the label index, or undefined when no requirement can use it. */
  candidates(selector: LabelSelector): Set<string> | string[] | undefined {
    let best: Set<string> | string[] | undefined;
    let bestSize = Infinity;
    for (const r of selector) {
      if (r.op === 'in') {
        const byValue = this.labelIndex.get(r.key);
        if (!byValue) return [];
        let cand: Set<string> | string[];
        if (r.values.length === 1) cand = byValue.get(r.values[0]) ?? [];
        else {
          const acc: string[] = [];
          for (const v of r.values) byValue.get(v)?.forEach(k => acc.push(k));
          cand = acc;
        }
        const size = Array.isArray(cand) ? cand.length : cand.size;
        if (size < bestSize) {
          best = cand;
          bestSize = size;
        }
      } else if (r.op === 'exists') {
        const byValue = this.labelIndex.get(r.key);
        if (!byValue) return [];
        let size = 0;
        byValue.forEach(s => (size += s.size));
        if (size < bestSize) {
          const acc: string[] = [];
          byValue.forEach(s => s.forEach(k => acc.push(k)));
          best = acc;
          bestSize = size;
        }
      }
    }
    return best;
  }
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: LabelSelector;
  fieldSelector?: FieldSelector;
  limit?: number;
  /** The last key of the previous page. */
  after?: string;
}

export interface ListResult {
  entries: Entry[];
  /** Set when there are more items: the last key returned. */
  lastKey?: string;
  remaining?: number;
}

/**
 * In-memory object store, indexed by (group, resource, namespace) with a label index and an
 * owner index for garbage collection. Knows nothing about API semantics.
 */
export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  /** owner uid → set of `group/resource|ns/name` of dependents. */
  private readonly owners = new Map<string, Set<string>>();
  private readonly listeners: StoreListener[] = [];
  private rv = 1000;

  get resourceVersion(): string {
    return String(this.rv);
  }

  nextResourceVersion(): string {
    this.rv++;
    return String(this.rv);
  }

  onEvent(listener: StoreListener) {
    this.listeners.push(listener);
  }

  private bucket(
    group: string,
    resource: string,
    create = false,
  ): Bucket | undefined {
    const key = bucketKey(group, resource);
    let b = this.buckets.get(key);
    if (!b && create) {
      b = new Bucket();
      this.buckets.set(key, b);
    }
    return b;
  }

  get(t: TypeRef, ns: string, name: string): Entry | undefined {
    return this.bucket(t.group, t.resource)?.get(ns, name);
  }

  count(t: TypeRef, ns?: string): number {
    const b = this.bucket(t.group, t.resource);
    if (!b) return 0;
    if (ns === undefined) return b.size;
    return b.byNs.get(ns)?.size ?? 0;
  }

  /** Writes an object (create or replace). The caller sets metadata; this sets resourceVersion. */
  put(t: TypeRef, obj: KubeObject): Entry {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name;
    const b = this.bucket(t.group, t.resource, true)!;
    const previous = b.get(ns, name);
    obj.metadata.resourceVersion = this.nextResourceVersion();
    const entry: Entry = { obj };
    b.put(ns, name, entry, previous);
    this.indexOwners(t, obj, previous?.obj);
    this.emit({
      type: previous ? 'MODIFIED' : 'ADDED',
      group: t.group,
      resource: t.resource,
      obj,
      old: previous?.obj,
    });
    return entry;
  }

  remove(t: TypeRef, ns: string, name: string): Entry | undefined {
    const b = this.bucket(t.group, t.resource);
    const e = b?.remove(ns, name);
    if (!e) return undefined;
    this.rv++;
    this.indexOwners(t, undefined, e.obj);
    this.emit({
      type: 'DELETED',
      group: t.group,
      resource: t.resource,
      obj: e.obj,
    });
    return e;
  }

  /** Namespaces that hold objects of this type. */
  namespacesOf(t: TypeRef): string[] {
    const b = this.bucket(t.group, t.resource);
    return b ? [...b.byNs.keys()] : [];
  }

  /** Names of all objects of one type in one namespace ('' for cluster-scoped). */
  namesIn(t: TypeRef, ns: string): string[] {
    return [...(this.bucket(t.group, t.resource)?.byNs.get(ns)?.keys() ?? [])];
  }

  /** Bucket keys (`group/resource`) that have objects in the namespace. */
  typesWithObjectsIn(ns: string): Array<{ group: string; resource: string }> {
    const out: Array<{ group: string; resource: string }> = [];
    for (const [key, b] of this.buckets) {
      if (b.byNs.get(ns)?.size) {
        const i = key.indexOf('/');
        out.push({ group: key.slice(0, i), resource: key.slice(i + 1) });
      }
    }
    return out;
  }

  dependentsOf(
    ownerUid: string,
  ): Array<{ group: string; resource: string; ns: string; name: string }> {
    const refs = this.owners.get(ownerUid);
    if (!refs) return [];
    return [...refs].map(r => {
      const [gr, key] = r.split('|');
      const i = gr.indexOf('/');
      const [ns, name] = splitKey(key);
      return { group: gr.slice(0, i), resource: gr.slice(i + 1), ns, name };
    });
  }

  list(t: TypeRef, opts: ListOptions = {}): ListResult {
    const b = this.bucket(t.group, t.resource);
    if (!b) return { entries: [] };
    const selector = opts.labelSelector ?? [];
    const fields = opts.fieldSelector ?? [];
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    const out: Entry[] = [];

    const matches = (e: Entry) =>
      (selector.length === 0 ||
        matchesLabels(e.obj.metadata?.labels, selector)) &&
      (fields.length === 0 || matchesFields(e.obj, fields));

    const candidates = selector.length ? b.candidates(selector) : undefined;
    let keys: string[];
    if (candidates !== undefined) {
      const prefix =
        opts.namespace !== undefined ? `${opts.namespace}/` : undefined;
      keys = [];
      candidates.forEach((k: string) => {
        if (!prefix || k.startsWith(prefix)) keys.push(k);
      });
      keys.sort();
    } else {
      keys = b.sortedKeys(opts.namespace);
    }
    let i = opts.after !== undefined ? bound(keys, opts.after, true) : 0;
    for (; i < keys.length; i++) {
      const e = b.getByKey(keys[i]);
      if (!e || !matches(e)) continue;
      if (out.length >= limit) {
        // There is at least one more matching item. Like the API server, the remaining
        // count is only given when no selector is used (it would need a full scan).
        const remaining =
          selector.length === 0 && fields.length === 0
            ? keys.length - i
            : undefined;
        return { entries: out, lastKey: lastKeyOf(out), remaining };
      }
      out.push(e);
    }
    return { entries: out };
  }

  private indexOwners(t: TypeRef, obj?: KubeObject, old?: KubeObject) {
    const ref = (o: KubeObject) =>
      `${bucketKey(t.group, t.resource)}|${fullKey(
        o.metadata.namespace ?? '',
        o.metadata.name,
      )}`;
    for (const o of old?.metadata?.ownerReferences ?? []) {
      const set = this.owners.get(o.uid);
      if (set) {
        set.delete(ref(old!));
        if (set.size === 0) this.owners.delete(o.uid);
      }
    }
    for (const o of obj?.metadata?.ownerReferences ?? []) {
      if (!o?.uid) continue;
      let set = this.owners.get(o.uid);
      if (!set) {
        set = new Set();
        this.owners.set(o.uid, set);
      }
      set.add(ref(obj!));
    }
  }

  private emit(ev: StoreEvent) {
    for (const l of this.listeners) l(ev);
  }
}

function lastKeyOf(entries: Entry[]): string {
  const m = entries[entries.length - 1].obj.metadata;
  return fullKey(m.namespace ?? '', m.name);
}
