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

import { Registry } from '../registry';
import { ObjectStore } from '../store';
import { serveCustomResources } from './crds';
import { Discovery } from './discovery';
import { GarbageCollector } from './garbageCollector';
import { NamespaceLifecycle } from './namespaces';
import { ClusterObjects } from './objects';
import type { ClusterOptions } from './options';
import { RequestHandler } from './requests';
import type { SimResponse } from './responses';
import type { ServerResponse } from 'node:http';
import { ApiError, resourceNotFound } from '../errors';
import { Route, routeRequest } from './routing';
import { WatchHub } from './watch';
import { ObjectWriter } from './writes';

/**
 * One simulated Kubernetes API: the host cluster or a vcluster. Composes the API semantics
 * around a registry of served resources and an object store: routing and request handling,
 * discovery, validated writes, namespace lifecycle, CRD types and garbage collection.
 * Controllers, seeds and the test view work on `objects`.
 */
export class SimCluster {
  readonly objects: ClusterObjects;
  readonly watches: WatchHub;
  private readonly registry = new Registry();
  private readonly namespaces: NamespaceLifecycle;
  private readonly garbageCollector: GarbageCollector;
  private readonly requests: RequestHandler;

  constructor(options: ClusterOptions) {
    const { registry } = this;
    const store = new ObjectStore();
    this.watches = new WatchHub(store, options.watch);
    serveCustomResources(registry, store);
    this.garbageCollector = new GarbageCollector(registry, store);
    this.namespaces = new NamespaceLifecycle(
      registry,
      store,
      options.controllers.namespaceFinalizeDelayMs,
    );
    this.requests = new RequestHandler(
      store,
      new ObjectWriter(store, this.namespaces),
      new Discovery(registry, options),
    );
    this.objects = new ClusterObjects(
      options.name,
      registry,
      store,
      this.namespaces,
    );
  }

  stop() {
    this.watches.disconnectAll();
    this.namespaces.stop();
    this.garbageCollector.stop();
  }

  /** Starts a watch (a `?watch=true` list) on the response; throws the API errors. */
  watch(route: Route, res: ServerResponse): void {
    if (route.kind !== 'resource' || !route.rt) throw resourceNotFound();
    if (!route.rt.verbs.includes('watch'))
      throw new ApiError(405, `watch is not supported on ${route.rt.resource}`);
    this.watches.start(route, route.rt, res);
  }

  route(
    method: string,
    path: string,
    query: URLSearchParams,
    contentType: string,
  ): Route {
    return routeRequest(this.registry, method, path, query, contentType);
  }

  handle(
    route: Route,
    method: string,
    body: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): SimResponse {
    return this.requests.handle(route, method, body, headers);
  }
}
