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

import type { ServerResponse } from 'node:http';
import { ApiError, badRequest } from '../../errors';
import type { ResourceType } from '../../registry';
import { parseFieldSelector, parseLabelSelector } from '../../selectors';
import type { ObjectStore } from '../../store';
import { joinApiVersion } from '../../util';
import type { Route } from '../routing';
import { WatchHistory } from './history';
import { Watcher } from './watcher';

export interface WatchSettings {
  /** How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK; default 60000. */
  bookmarkIntervalMs: number;
  /** How many changes are kept for watches that resume from a resourceVersion; default 10000. */
  historySize: number;
}

/**
 * The watches of one cluster: `?watch=1|true` on any list URL, as kube-apiserver serves them
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go, storage/cacher): no or "0"
 * `resourceVersion` replays the current objects as ADDED, a resourceVersion resumes after it
 * (410 Expired, as an ERROR event, when it is older than the history), `timeoutSeconds` ends
 * the stream, `allowWatchBookmarks=true` adds BOOKMARKs, `sendInitialEvents=true` ends the
 * replay with a BOOKMARK annotated `k8s.io/initial-events-end`.
 */
export class WatchHub {
  readonly history: WatchHistory;
  private readonly watchers = new Set<Watcher>();

  constructor(
    private readonly store: ObjectStore,
    private readonly settings: WatchSettings,
  ) {
    this.history = new WatchHistory(store, settings.historySize);
  }

  get count(): number {
    return this.watchers.size;
  }

  /** Kills every open watch connection. */
  disconnectAll(): void {
    for (const w of [...this.watchers]) w.kill();
  }

  /** Starts a watch on the response (validation errors are thrown before anything is sent). */
  start(route: Route, rt: ResourceType, res: ServerResponse): void {
    const q = route.query;
    const rvText = q.get('resourceVersion') ?? '';
    if (rvText && !/^\d+$/.test(rvText))
      throw badRequest(`invalid resource version: "${rvText}"`);
    const timeout = q.get('timeoutSeconds');
    const initialEvents = q.get('sendInitialEvents') === 'true';
    const bookmarks = q.get('allowWatchBookmarks') === 'true';
    if (initialEvents && !bookmarks)
      throw new ApiError(
        422,
        'allowWatchBookmarks: Required value: sendInitialEvents requires setting allowWatchBookmarks=true',
        { reason: 'Invalid' },
      );
    const request = {
      rt,
      gv: joinApiVersion(route.group, route.version),
      namespace: rt.namespaced ? route.namespace : undefined,
      labelSelector: parseLabelSelector(q.get('labelSelector')),
      fieldSelector: parseFieldSelector(q.get('fieldSelector')),
      bookmarks,
      bookmarkIntervalMs: this.settings.bookmarkIntervalMs,
      timeoutMs: timeout ? Number(timeout) * 1000 : undefined,
    };
    const current = Number(this.store.resourceVersion);
    const fromState = !rvText || rvText === '0' || initialEvents;
    let unsubscribe = () => undefined as unknown;
    const watcher: Watcher = new Watcher(
      request,
      res,
      fromState ? current : Number(rvText),
      () => Number(this.store.resourceVersion),
      () => {
        this.watchers.delete(watcher);
        unsubscribe();
      },
    );
    this.watchers.add(watcher);
    unsubscribe = this.history.subscribe(e => watcher.offer(e));
    if (fromState) {
      for (const e of this.store.list(rt, { namespace: request.namespace })
        .entries)
        watcher.added(e.obj);
      if (initialEvents) watcher.bookmark(true);
      return;
    }
    try {
      for (const e of this.history.since(Number(rvText))) watcher.offer(e);
    } catch (e) {
      if (e instanceof ApiError) watcher.fail(e);
      else throw e;
    }
  }
}
