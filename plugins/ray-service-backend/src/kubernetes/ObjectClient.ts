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

import {
  ApiException,
  createConfiguration,
  HttpMethod,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  RequestContext,
  ResponseContext,
  ServerConfiguration,
  VersionApi,
} from '@kubernetes/client-node';
import { NotFoundError } from '@backstage/errors';
import { undiciHttpLibrary } from './httpLibrary';
import {
  httpStatusOf,
  KindNotServedError,
  kubernetesRequestError,
  ProxiedAnswerError,
} from './requestErrors';

/** The one field manager of every server-side apply the backend makes. */
export const FIELD_MANAGER = 'ray-service';

/** Page size of lists; a cluster with more objects of a kind answers in pages. */
const LIST_PAGE_SIZE = 500;

/** Requests sent, by kind of call (for benchmarks and tests); discovery is not counted. */
export interface ObjectClientStats {
  lists: number;
  applies: number;
  deletes: number;
  gets: number;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Unset: across all namespaces (for namespaced kinds). */
  namespace?: string;
}

export interface ObjectClientOptions {
  /** Limit of every single request, discovery included. */
  timeoutMs: number;
}

/** A KubernetesObject whose kind and metadata are known to be set. */
export type ObservedObject = KubernetesObject & {
  apiVersion: string;
  kind: string;
  metadata: NonNullable<KubernetesObject['metadata']> & { name: string };
  [field: string]: unknown;
};

/**
 * `KubernetesObjectApi` with JSON in and out. Its typed serializer renames
 * fields of built-in kinds that are reserved words in TypeScript models
 * (`from` of a NetworkPolicy rule becomes `_from`, `default` of a LimitRange
 * `_default`) and drops them when given plain JSON: an applied NetworkPolicy
 * would lose its `from` and allow all ingress. Objects here stay plain JSON
 * as the API server sends and expects it.
 */
class JsonObjectApi extends KubernetesObjectApi {
  /** Server-side apply of plain JSON; the object is not modified. */
  async serverSideApply<T extends KubernetesObject>(
    object: T,
    fieldManager: string,
  ): Promise<T> {
    // specUriPath fills in defaults on the object it is given
    const path = await this.specUriPath(structuredClone(object), 'patch');
    const request = this.configuration.baseServer.makeRequestContext(
      path,
      HttpMethod.PATCH,
    );
    request.setHeaderParam('Accept', 'application/json');
    request.setHeaderParam('Content-Type', PatchStrategy.ServerSideApply);
    request.setQueryParam('fieldManager', fieldManager);
    request.setQueryParam('force', 'true');
    request.setBody(JSON.stringify(object));
    return this.requestPromise<T>(request);
  }

  /**
   * A request through the API server's service proxy subresource. Resolves
   * with the parsed JSON of a 2xx (undefined for an empty body); an answer
   * of another status is thrown as client-node's ApiException, whose body
   * is the text answered.
   */
  async proxy(
    target: { namespace: string; service: string; port: string },
    request: ProxyRequest,
  ): Promise<unknown> {
    const path = `/api/v1/namespaces/${encodeURIComponent(
      target.namespace,
    )}/services/${encodeURIComponent(target.service)}:${encodeURIComponent(
      target.port,
    )}/proxy${request.path}`;
    const context = this.configuration.baseServer.makeRequestContext(
      path,
      request.method as HttpMethod,
    );
    context.setHeaderParam('Accept', 'application/json');
    for (const [name, value] of Object.entries(request.query ?? {})) {
      context.setQueryParam(name, value);
    }
    if (request.path.endsWith('/') && !request.query) {
      // RequestContext.getUrl() drops a trailing slash, which Ray's exact
      // routes need (`/api/jobs/`); an empty query keeps it.
      context.setUrl(`${context.getUrl()}/?`);
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      context.setHeaderParam(name, value);
    }
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', 'application/json');
      context.setBody(JSON.stringify(request.body));
    }
    return this.requestPromise<KubernetesObject>(context);
  }

  /** Whether the API server serves a kind (discovery, cached once served). */
  async isServed(apiVersion: string, kind: string): Promise<boolean> {
    try {
      return (await this.resource(apiVersion, kind)) !== undefined;
    } catch (error) {
      if (httpStatusOf(error) === 404) {
        return false;
      }
      throw error;
    }
  }

  protected async processResponse<T extends KubernetesObject>(
    response: ResponseContext,
  ): Promise<T> {
    const body = await response.body.text();
    if (response.httpStatusCode >= 200 && response.httpStatusCode <= 299) {
      return (body ? JSON.parse(body) : undefined) as T;
    }
    throw new ApiException(
      response.httpStatusCode,
      'Unsuccessful HTTP Request',
      body,
      response.headers,
    );
  }
}

/** A request to a Service through the API server's proxy. */
export interface ProxyRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the Service, with its leading slash, e.g. `/api/jobs/`. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** How long one connection pool serves a client before it is replaced. */
const CONNECTION_POOL_TTL_MS = 60_000;

type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

/**
 * Limits every request in time, and reuses connections: client-node 2.0
 * makes a new undici Agent, hence a new TLS handshake, for every request,
 * which dominates the cost of a reconcile pass. The first Agent is kept for
 * a minute, then replaced, so that rotated client certificates are picked up.
 */
class RequestMiddleware {
  private pool?: { dispatcher: Dispatcher; since: number };

  constructor(private readonly timeoutMs: number) {}

  async pre(context: RequestContext): Promise<RequestContext> {
    context.setSignal(AbortSignal.timeout(this.timeoutMs));
    const fresh = context.getDispatcher();
    if (fresh) {
      const now = Date.now();
      if (!this.pool || now - this.pool.since > CONNECTION_POOL_TTL_MS) {
        this.pool?.dispatcher.close().catch(() => undefined);
        this.pool = { dispatcher: fresh, since: now };
      }
      context.setDispatcher(this.pool.dispatcher);
    }
    return context;
  }

  async post(response: ResponseContext): Promise<ResponseContext> {
    return response;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.dispatcher.close();
  }
}

function describeTarget(
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

/**
 * The backend's access to the objects of one cluster: server-side apply with
 * one field manager, list by label, get, delete. Every request is limited in
 * time and counted; failures are errors of @backstage/errors whose messages
 * never contain credentials.
 */
export class ObjectClient {
  readonly stats: ObjectClientStats = {
    lists: 0,
    applies: 0,
    deletes: 0,
    gets: 0,
  };

  private constructor(
    private readonly api: JsonObjectApi,
    private readonly versionApi: VersionApi,
    private readonly middleware: RequestMiddleware,
    private readonly timeoutMs: number,
  ) {}

  static fromKubeConfig(
    kc: KubeConfig,
    options: ObjectClientOptions,
  ): ObjectClient {
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
      throw new NotFoundError('the kubeconfig has no current cluster');
    }
    const middleware = new RequestMiddleware(options.timeoutMs);
    const configuration = createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: kc },
      promiseMiddleware: [middleware],
      httpApi: undiciHttpLibrary,
    });
    return new ObjectClient(
      new JsonObjectApi(configuration),
      new VersionApi(configuration),
      middleware,
      options.timeoutMs,
    );
  }

  /** Server-side apply as {@link FIELD_MANAGER}, taking over conflicting fields. */
  async apply<T extends KubernetesObject>(object: T): Promise<ObservedObject> {
    const { kind = '', metadata = {} } = object;
    const what = `apply ${describeTarget(
      kind,
      metadata.namespace,
      metadata.name ?? '',
    )}`;
    return this.call(what, async () => {
      await this.assertServed(object.apiVersion ?? 'v1', kind);
      this.stats.applies++;
      const applied = await this.api.serverSideApply(object, FIELD_MANAGER);
      return applied as unknown as ObservedObject;
    });
  }

  /**
   * All objects of a kind that match the options, across all namespaces
   * unless one is given. Items carry their apiVersion and kind.
   *
   * @throws KindNotServedError when the API server does not serve the kind.
   */
  async list(
    apiVersion: string,
    kind: string,
    options: ListOptions = {},
  ): Promise<ObservedObject[]> {
    const items: ObservedObject[] = [];
    let continueToken: string | undefined;
    do {
      const page = await this.listPage(
        apiVersion,
        kind,
        options,
        continueToken,
      );
      for (const item of page.items) {
        items.push({ ...item, apiVersion, kind } as ObservedObject);
      }
      continueToken = continueTokenOf(page);
    } while (continueToken);
    return items;
  }

  private async listPage(
    apiVersion: string,
    kind: string,
    options: ListOptions,
    continueToken: string | undefined,
  ): Promise<KubernetesListObject<KubernetesObject>> {
    const where = options.namespace ? ` in ${options.namespace}` : '';
    return this.call(`list ${kind}${where}`, async () => {
      await this.assertServed(apiVersion, kind);
      this.stats.lists++;
      return this.api.list(
        apiVersion,
        kind,
        options.namespace,
        undefined,
        undefined,
        undefined,
        options.fieldSelector,
        options.labelSelector,
        LIST_PAGE_SIZE,
        continueToken,
      );
    });
  }

  /** One object, or undefined when it (or its kind) does not exist. */
  async get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<ObservedObject | undefined> {
    try {
      return await this.call(
        `get ${describeTarget(kind, namespace, name)}`,
        async () => {
          await this.assertServed(apiVersion, kind);
          this.stats.gets++;
          const object = await this.api.read({
            apiVersion,
            kind,
            metadata: { name, namespace },
          });
          return { ...object, apiVersion, kind } as ObservedObject;
        },
      );
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Deletes an object (in the background: dependents and the contents of a
   * namespace go after it). Returns false when it was already gone.
   */
  async delete(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): Promise<boolean> {
    try {
      await this.call(
        `delete ${describeTarget(kind, namespace, name)}`,
        async () => {
          await this.assertServed(apiVersion, kind);
          this.stats.deletes++;
          await this.api.delete(
            { apiVersion, kind, metadata: { name, namespace } },
            undefined,
            undefined,
            undefined,
            undefined,
            'Background',
          );
        },
      );
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return false;
      }
      throw error;
    }
  }

  /** Whether the API server serves a kind (discovery; cached once served). */
  async isServed(apiVersion: string, kind: string): Promise<boolean> {
    return this.call(`discover ${apiVersion} ${kind}`, () =>
      this.api.isServed(apiVersion, kind),
    );
  }

  /**
   * A request to a Service through the API server's service proxy, limited
   * in time like every request. Resolves with the parsed JSON of a 2xx.
   * The answer of the Service or the API server with another status is
   * thrown as a {@link ProxiedAnswerError} carrying the status and the text;
   * no answer at all as a {@link ClusterUnreachableError}.
   */
  async proxy(
    target: { namespace: string; service: string; port: string },
    request: ProxyRequest,
  ): Promise<unknown> {
    const what = `${request.method} ${target.service}:${target.port}${request.path}`;
    try {
      return await this.api.proxy(target, request);
    } catch (error) {
      const status = httpStatusOf(error);
      if (status !== undefined) {
        throw new ProxiedAnswerError(
          status,
          String((error as { body?: unknown }).body ?? ''),
        );
      }
      throw kubernetesRequestError(error, what, this.timeoutMs);
    }
  }

  /** The API server's `gitVersion`, e.g. `v1.31.4`. */
  async kubernetesVersion(): Promise<string> {
    const info = await this.call('GET /version', () =>
      this.versionApi.getCode(),
    );
    return info.gitVersion;
  }

  /** Closes the kept connections (they also close when idle). */
  async close(): Promise<void> {
    await this.middleware.close();
  }

  private async assertServed(apiVersion: string, kind: string): Promise<void> {
    if (!(await this.api.isServed(apiVersion, kind))) {
      throw new KindNotServedError(
        `${kind} (${apiVersion}) is not served by the API server; is its CRD installed?`,
      );
    }
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof KindNotServedError) {
        throw new KindNotServedError(`${what}: ${error.message}`);
      }
      throw kubernetesRequestError(error, what, this.timeoutMs);
    }
  }
}

/**
 * The continue token of a list page. Responses are read as plain JSON
 * (`metadata.continue`), not through client-node's serializer, which would
 * rename the field to `_continue`.
 */
function continueTokenOf(page: KubernetesListObject<KubernetesObject>) {
  const metadata = page.metadata as { continue?: string } | undefined;
  return metadata?.continue || undefined;
}
