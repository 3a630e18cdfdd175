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
import { ApiError } from '../../errors';
import type { ResourceType } from '../../registry';
import {
  FieldSelector,
  LabelSelector,
  matchesFields,
  matchesLabels,
} from '../../selectors';
import type { KubeObject } from '../../util';
import { versioned } from '../reads';
import type { WatchEvent } from './history';

/** What a watch asks for (the list URL and its query). */
export interface WatchRequest {
  rt: ResourceType;
  /** The group version of the URL (objects are shown in it). */
  gv: string;
  /** undefined: all namespaces (or a cluster-scoped type). */
  namespace?: string;
  labelSelector: LabelSelector;
  fieldSelector: FieldSelector;
  bookmarks: boolean;
  bookmarkIntervalMs: number;
  timeoutMs?: number;
}

/**
 * One open watch: a chunked response of newline-separated `{"type", "object"}` events, as
 * kube-apiserver streams them. An event is filtered as the watch cache's cacheWatcher does
 * (convertToWatchEvent): an object that starts to match the selectors is ADDED, one that
 * stops matching is DELETED (with its previous content, at the event's resourceVersion).
 */
export class Watcher {
  private bookmarkTimer?: NodeJS.Timeout;
  private timeoutTimer?: NodeJS.Timeout;
  private closed = false;
  /** The newest resourceVersion this watch has seen (for bookmarks). */
  private rv: number;

  constructor(
    private readonly req: WatchRequest,
    private readonly res: ServerResponse,
    startRv: number,
    private readonly currentRv: () => number,
    private readonly onClose: () => void,
  ) {
    this.rv = startRv;
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders(); // the client sees the watch open before the first event
    res.on('close', () => this.close());
    if (req.bookmarks)
      this.bookmarkTimer = setInterval(
        () => this.bookmark(),
        req.bookmarkIntervalMs,
      );
    if (req.timeoutMs !== undefined)
      this.timeoutTimer = setTimeout(() => this.end(), req.timeoutMs);
  }

  /** The object passes the watch's namespace and selectors. */
  private passes(obj: KubeObject | undefined): boolean {
    if (!obj) return false;
    const { namespace, labelSelector, fieldSelector } = this.req;
    if (namespace !== undefined && obj.metadata?.namespace !== namespace)
      return false;
    return (
      (!labelSelector.length ||
        matchesLabels(obj.metadata?.labels, labelSelector)) &&
      (!fieldSelector.length || matchesFields(obj, fieldSelector))
    );
  }

  /** Sends a change if the watch sees it. */
  offer(e: WatchEvent): void {
    if (
      this.closed ||
      e.group !== this.req.rt.group ||
      e.resource !== this.req.rt.resource
    )
      return;
    const now = e.type !== 'DELETED' && this.passes(e.obj);
    const before =
      e.type === 'DELETED' ? this.passes(e.obj) : this.passes(e.old);
    if (now && !before) this.send('ADDED', e.obj);
    else if (now && before) this.send('MODIFIED', e.obj);
    else if (before) {
      const obj = e.type === 'DELETED' ? e.obj : e.old!;
      this.send('DELETED', {
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: String(e.rv) },
      });
    }
    this.rv = Math.max(this.rv, e.rv);
  }

  /** An object as a synthetic ADDED event (the initial state). */
  added(obj: KubeObject): void {
    if (this.passes(obj)) this.send('ADDED', obj);
  }

  /** A BOOKMARK with the current resourceVersion (marked as the end of the initial events). */
  bookmark(initialEventsEnd = false): void {
    if (this.closed) return;
    this.rv = Math.max(this.rv, this.currentRv());
    this.write('BOOKMARK', {
      kind: this.req.rt.kind,
      apiVersion: this.req.gv,
      metadata: {
        resourceVersion: String(this.rv),
        ...(initialEventsEnd
          ? { annotations: { 'k8s.io/initial-events-end': 'true' } }
          : {}),
      },
    });
  }

  /** An ERROR event with the Status of the failure; the watch ends with it. */
  fail(error: ApiError): void {
    this.write('ERROR', error.toStatus());
    this.end();
  }

  /** Ends the watch cleanly (the client sees the stream end). */
  end(): void {
    if (this.closed) return;
    this.res.end();
    this.close();
  }

  /** Drops the connection, as a network failure would. */
  kill(): void {
    this.res.socket?.destroy();
    this.close();
  }

  private send(type: string, obj: KubeObject) {
    this.write(type, versioned(obj, this.req.gv));
  }

  private write(type: string, object: unknown) {
    if (this.closed) return;
    this.res.write(`${JSON.stringify({ type, object })}\n`);
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    if (this.bookmarkTimer) clearInterval(this.bookmarkTimer);
    if (this.timeoutTimer) clearTimeout(this.timeoutTimer);
    this.onClose();
  }
}
