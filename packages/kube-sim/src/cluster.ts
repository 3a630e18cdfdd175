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

import YAML from 'yaml';
import { admitDelete } from './admission';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  resourceNotFound,
  StatusCause,
} from './errors';
import {
  addPath,
  applyMerge,
  changedPaths,
  covers,
  deleteAtPath,
  FieldSet,
  fieldSetOf,
  jsonPatch,
  leafPaths,
  ManagedFieldsEntry,
  mergePatch,
  removePath,
  valueAtPath,
} from './patch';
import { Registry, ResourceType } from './registry';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { Entry, entryJson, ObjectStore, StoreEvent } from './store';
import {
  clone,
  deepEqual,
  isPlainObject,
  joinApiVersion,
  KubeObject,
  now,
  randomSuffix,
  splitApiVersion,
  uid,
} from './util';
import { validateLabels, validateName, validateWithSchema } from './validation';

export interface ControllerSettings {
  enabled: boolean;
  readyDelayMs: number;
  namespaceFinalizeDelayMs: number;
}

export interface ClusterOptions {
  /** 'host' or 'vcluster:<namespace>/<name>'. */
  name: string;
  kubernetesVersion: string;
  controllers: ControllerSettings;
  /** host:port announced in /api. */
  serverAddress: () => string;
}

/** A parsed request path. */
export interface Route {
  kind: 'discovery' | 'resource' | 'health' | 'notfound';
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  rt?: ResourceType;
  path: string;
  query: URLSearchParams;
  contentType: string;
}

export interface SimResponse {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: string;
  force?: boolean;
  subresource?: string;
  userAgent?: string;
}

interface WriteResult {
  obj: KubeObject;
  warnings: string[];
  created: boolean;
}

const APPLY_TYPE = 'application/apply-patch+yaml';
const PATCH_TYPES = [
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
  APPLY_TYPE,
];

function json(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): SimResponse {
  return {
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  };
}

function encodeContinue(key: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: key })).toString('base64url');
}

function decodeContinue(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed.k === 'string') return parsed.k;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: invalid continue token');
}

/**
 * One simulated Kubernetes API: the host cluster or a vcluster. Holds the registry of served
 * resources, the object store and the API semantics (CRUD, patch, apply, CRDs, namespaces,
 * garbage collection). Controllers are attached from outside.
 */
export class SimCluster {
  readonly registry = new Registry();
  readonly store = new ObjectStore();
  readonly options: ClusterOptions;
  private readonly nsTimers = new Map<string, NodeJS.Timeout>();
  private readonly gcQueue = new Set<string>();
  private gcScheduled = false;
  private discoveryCache = new Map<string, string>();
  private discoveryGen = -1;
  private stopped = false;

  constructor(options: ClusterOptions) {
    this.options = options;
    this.store.onEvent(ev => this.onStoreEvent(ev));
  }

  stop() {
    this.stopped = true;
    for (const t of this.nsTimers.values()) clearTimeout(t);
    this.nsTimers.clear();
  }

  // -------------------------------------------------------------------------
  // Routing

  route(
    method: string,
    path: string,
    query: URLSearchParams,
    contentType: string,
  ): Route {
    const base = {
      group: '',
      version: '',
      resource: '',
      path,
      query,
      contentType,
    };
    const segs = path.split('/').filter(s => s.length > 0);
    if (
      path === '/healthz' ||
      path === '/livez' ||
      path === '/readyz' ||
      path.startsWith('/healthz/') ||
      path.startsWith('/livez/') ||
      path.startsWith('/readyz/')
    ) {
      return { ...base, kind: 'health', verb: 'discovery' };
    }
    if (segs.length === 0 || segs[0] === 'version' || segs[0] === 'openapi') {
      return {
        ...base,
        kind: segs[0] === 'openapi' ? 'notfound' : 'discovery',
        verb: 'discovery',
      };
    }
    let group: string;
    let version: string;
    let rest: string[];
    if (segs[0] === 'api') {
      if (segs.length === 1)
        return { ...base, kind: 'discovery', verb: 'discovery' };
      group = '';
      version = segs[1];
      rest = segs.slice(2);
    } else if (segs[0] === 'apis') {
      if (segs.length <= 2)
        return {
          ...base,
          group: segs[1] ?? '',
          kind: 'discovery',
          verb: 'discovery',
        };
      group = segs[1];
      version = segs[2];
      rest = segs.slice(3);
    } else {
      return { ...base, kind: 'notfound', verb: 'discovery' };
    }
    if (rest.length === 0)
      return { ...base, group, version, kind: 'discovery', verb: 'discovery' };

    let namespace: string | undefined;
    if (
      rest[0] === 'namespaces' &&
      rest.length >= 3 &&
      !(
        group === '' &&
        rest.length === 3 &&
        (rest[2] === 'status' || rest[2] === 'finalize')
      )
    ) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [resource, name, subresource] = rest;
    const verb = this.verbFor(method, name, query, contentType);
    const r: Route = {
      ...base,
      kind: 'resource',
      verb,
      group,
      version,
      resource,
      name,
      subresource,
      namespace,
    };
    const rt = this.registry.get(group, version, resource);
    if (!rt || rest.length > 3) return { ...r, kind: 'notfound' };
    if (rt.namespaced && namespace === undefined && name !== undefined)
      return { ...r, kind: 'notfound' };
    if (!rt.namespaced && namespace !== undefined)
      return { ...r, kind: 'notfound' };
    if (subresource !== undefined) {
      const ok =
        (subresource === 'status' && rt.hasStatus) ||
        (subresource === 'finalize' && rt.resource === 'namespaces');
      if (!ok) return { ...r, kind: 'notfound' };
    }
    return { ...r, rt };
  }

  private verbFor(
    method: string,
    name: string | undefined,
    query: URLSearchParams,
    contentType: string,
  ): string {
    switch (method) {
      case 'GET':
        if (name) return 'get';
        return query.get('watch') === 'true' || query.get('watch') === '1'
          ? 'watch'
          : 'list';
      case 'POST':
        return 'create';
      case 'PUT':
        return 'update';
      case 'PATCH':
        return contentType === APPLY_TYPE ? 'apply' : 'patch';
      case 'DELETE':
        return name ? 'delete' : 'deletecollection';
      default:
        return method.toLowerCase();
    }
  }

  // -------------------------------------------------------------------------
  // Request handling

  handle(
    route: Route,
    method: string,
    body: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): SimResponse {
    try {
      if (route.kind === 'health')
        return { status: 200, body: 'ok', contentType: 'text/plain' };
      if (route.kind === 'discovery') {
        if (method !== 'GET')
          throw new ApiError(
            405,
            `the server does not allow this method on the requested resource`,
          );
        return this.discovery(route);
      }
      if (route.kind === 'notfound' || !route.rt) throw resourceNotFound();
      return this.handleResource(route, body, headers);
    } catch (e) {
      return errorResponse(e);
    }
  }

  private handleResource(
    route: Route,
    body: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): SimResponse {
    const rt = route.rt!;
    const q = route.query;
    const opts: WriteOptions = {
      dryRun: q.getAll('dryRun').includes('All'),
      fieldManager: q.get('fieldManager') ?? undefined,
      fieldValidation: q.get('fieldValidation') ?? undefined,
      force: q.get('force') === 'true',
      subresource: route.subresource,
      userAgent: String(headers['user-agent'] ?? ''),
    };
    const gv = joinApiVersion(route.group, route.version);
    if (
      !rt.verbs.includes(route.verb) &&
      !(route.verb === 'apply' && rt.verbs.includes('patch'))
    ) {
      throw new ApiError(
        405,
        `${route.verb} is not supported on ${rt.resource}`,
        { reason: 'MethodNotAllowed' },
      );
    }
    const withWarnings = (status: number, r: WriteResult) =>
      json(
        status,
        this.versioned(r.obj, gv),
        r.warnings.length
          ? {
              Warning: r.warnings
                .map(w => `299 - ${JSON.stringify(w)}`)
                .join(', '),
            }
          : undefined,
      );

    switch (route.verb) {
      case 'get': {
        const e = this.mustGet(rt, route.namespace, route.name!);
        return json(200, this.serialize(e, gv));
      }
      case 'list':
        return json(200, this.listJson(rt, gv, route.namespace, q));
      case 'watch':
        throw new ApiError(
          405,
          'watch is not supported by kube-sim; poll with list instead',
          { reason: 'MethodNotAllowed' },
        );
      case 'create': {
        if (route.name)
          throw new ApiError(
            405,
            'the server does not allow this method on the requested resource',
            { reason: 'MethodNotAllowed' },
          );
        const input = this.parseBody(body, route.contentType);
        if (rt.virtual === 'selfsubjectaccessreview') {
          return json(201, {
            ...input,
            apiVersion: gv,
            kind: rt.kind,
            metadata: { creationTimestamp: null },
            status: { allowed: true, reason: 'kube-sim allows every request' },
          });
        }
        const r = this.create(rt, route.version, route.namespace, input, opts);
        return withWarnings(201, r);
      }
      case 'update': {
        const input = this.parseBody(body, route.contentType);
        const r = this.replace(
          rt,
          route.version,
          route.namespace,
          route.name!,
          input,
          opts,
        );
        return withWarnings(200, r);
      }
      case 'patch':
      case 'apply': {
        if (!PATCH_TYPES.includes(route.contentType)) {
          throw new ApiError(
            415,
            `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(
              ', ',
            )}`,
            { reason: 'UnsupportedMediaType' },
          );
        }
        const text = body.toString('utf8');
        let patch: unknown;
        try {
          patch =
            route.contentType === APPLY_TYPE
              ? parseYamlOrJson(text)
              : JSON.parse(text);
        } catch (err) {
          throw badRequest(`error decoding patch: ${(err as Error).message}`);
        }
        if (route.verb === 'apply') {
          const r = this.apply(
            rt,
            route.version,
            route.namespace,
            route.name!,
            patch,
            opts,
          );
          return withWarnings(r.created ? 201 : 200, r);
        }
        const r = this.patch(
          rt,
          route.version,
          route.namespace,
          route.name!,
          route.contentType,
          patch,
          opts,
        );
        return withWarnings(200, r);
      }
      case 'delete': {
        const out = this.delete(rt, route.namespace, route.name!, opts);
        return json(200, out.status ?? this.versioned(out.obj!, gv));
      }
      case 'deletecollection': {
        const labelSelector = parseLabelSelector(q.get('labelSelector'));
        const fieldSelector = parseFieldSelector(q.get('fieldSelector'));
        const { entries } = this.store.list(rt, {
          namespace: rt.namespaced ? route.namespace : undefined,
          labelSelector,
          fieldSelector,
        });
        const items = entries.map(e => e.obj);
        // Like the API server: every object goes through admission on its own; the denied
        // ones stay, the others are deleted, and the first denial is the answer.
        let denied: unknown;
        for (const o of items) {
          try {
            this.delete(rt, o.metadata.namespace, o.metadata.name, opts);
          } catch (err) {
            if (err instanceof ApiError && err.code === 404) continue;
            denied = denied ?? err;
          }
        }
        if (denied) throw denied;
        return json(200, {
          apiVersion: gv,
          kind: rt.listKind,
          metadata: { resourceVersion: this.store.resourceVersion },
          items,
        });
      }
      default:
        throw new ApiError(
          405,
          `the server does not allow this method on the requested resource`,
          { reason: 'MethodNotAllowed' },
        );
    }
  }

  private parseBody(body: Buffer, contentType: string): KubeObject {
    const text = body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = contentType.includes('yaml')
        ? parseYamlOrJson(text)
        : JSON.parse(text);
    } catch (err) {
      throw badRequest(
        `couldn't get version/kind; json parse error: ${
          (err as Error).message
        }`,
      );
    }
    if (!isPlainObject(parsed))
      throw badRequest('the body of the request must be a JSON object');
    return parsed;
  }

  private mustGet(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
  ): Entry {
    const e = this.store.get(rt, rt.namespaced ? ns ?? '' : '', name);
    if (!e) throw notFound(rt.resource, name, rt.group);
    return e;
  }

  private versioned(obj: KubeObject, gv: string): KubeObject {
    return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv };
  }

  private serialize(e: Entry, gv: string): string {
    return e.obj.apiVersion === gv
      ? entryJson(e)
      : JSON.stringify({ ...e.obj, apiVersion: gv });
  }

  private listJson(
    rt: ResourceType,
    gv: string,
    ns: string | undefined,
    q: URLSearchParams,
  ): string {
    const labelSelector = parseLabelSelector(q.get('labelSelector'));
    const fieldSelector = parseFieldSelector(q.get('fieldSelector'));
    let namespace = rt.namespaced ? ns : undefined;
    if (rt.namespaced && namespace === undefined) {
      const nsReq = fieldSelector.find(
        f => f.field === 'metadata.namespace' && !f.negate,
      );
      if (nsReq) namespace = nsReq.value;
    }
    const limitRaw = q.get('limit');
    const limit = limitRaw ? Number(limitRaw) : undefined;
    if (limitRaw && (!Number.isInteger(limit) || limit! < 0))
      throw badRequest(`invalid limit: ${limitRaw}`);
    const cont = q.get('continue');
    const res = this.store.list(rt, {
      namespace,
      labelSelector,
      fieldSelector,
      limit,
      after: cont ? decodeContinue(cont) : undefined,
    });
    const meta: KubeObject = { resourceVersion: this.store.resourceVersion };
    if (res.lastKey !== undefined) {
      meta.continue = encodeContinue(res.lastKey);
      if (res.remaining !== undefined) meta.remainingItemCount = res.remaining;
    }
    const items = res.entries.map(e => this.serialize(e, gv)).join(',');
    return `{"apiVersion":${JSON.stringify(gv)},"kind":${JSON.stringify(
      rt.listKind,
    )},"metadata":${JSON.stringify(meta)},"items":[${items}]}`;
  }

  // -------------------------------------------------------------------------
  // Discovery

  private discovery(route: Route): SimResponse {
    if (this.discoveryGen !== this.registry.generation) {
      this.discoveryCache.clear();
      this.discoveryGen = this.registry.generation;
    }
    const key = route.path;
    const cached = this.discoveryCache.get(key);
    if (cached) return json(200, cached);
    const body = this.discoveryBody(route);
    const text = JSON.stringify(body);
    this.discoveryCache.set(key, text);
    return json(200, text);
  }

  private discoveryBody(route: Route): unknown {
    const segs = route.path.split('/').filter(s => s);
    if (segs.length === 0) {
      const paths = [
        '/api',
        '/api/v1',
        '/apis',
        '/healthz',
        '/livez',
        '/readyz',
        '/version',
      ];
      for (const g of this.registry.groups()) {
        paths.push(
          `/apis/${g.name}`,
          ...g.versions.map(v => `/apis/${g.name}/${v}`),
        );
      }
      return { paths: paths.sort() };
    }
    if (segs[0] === 'version') {
      const v = this.options.kubernetesVersion;
      const m = /^v?(\d+)\.(\d+)/.exec(v);
      return {
        major: m ? m[1] : '1',
        minor: m ? m[2] : '31',
        gitVersion: v,
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2025-01-01T00:00:00Z',
        goVersion: 'go1.22.10',
        compiler: 'gc',
        platform: 'linux/amd64',
      };
    }
    if (segs.length === 1 && segs[0] === 'api') {
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [
          {
            clientCIDR: '0.0.0.0/0',
            serverAddress: this.options.serverAddress(),
          },
        ],
      };
    }
    if (segs.length === 1 && segs[0] === 'apis') {
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: this.registry.groups().map(g => apiGroup(g.name, g.versions)),
      };
    }
    if (segs[0] === 'apis' && segs.length === 2) {
      const g = this.registry.groups().find(x => x.name === segs[1]);
      if (!g) throw resourceNotFound();
      return {
        kind: 'APIGroup',
        apiVersion: 'v1',
        ...apiGroup(g.name, g.versions),
      };
    }
    const group = segs[0] === 'api' ? '' : segs[1];
    const version = segs[0] === 'api' ? segs[1] : segs[2];
    if (!this.registry.hasGroupVersion(group, version))
      throw resourceNotFound();
    const resources: KubeObject[] = [];
    for (const t of this.registry.resourcesIn(group, version)) {
      const r: KubeObject = {
        name: t.resource,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: t.verbs,
      };
      if (t.shortNames?.length) r.shortNames = t.shortNames;
      if (t.categories?.length) r.categories = t.categories;
      resources.push(r);
      if (t.hasStatus) {
        resources.push({
          name: `${t.resource}/status`,
          singularName: '',
          namespaced: t.namespaced,
          kind: t.kind,
          verbs: ['get', 'patch', 'update'],
        });
      }
    }
    resources.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: joinApiVersion(group, version),
      resources,
    };
  }

  // -------------------------------------------------------------------------
  // Writes through the API (validated)

  private requireNamespace(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
    forCreate: boolean,
  ) {
    if (!rt.namespaced) return;
    if (!ns) throw badRequest('the namespace of the object must be set');
    const nsType = this.registry.getByResource('', 'namespaces')!;
    const nsObj = this.store.get(nsType, '', ns);
    if (!nsObj) throw notFound('namespaces', ns);
    if (forCreate && nsObj.obj.metadata.deletionTimestamp) {
      throw forbidden(
        rt.resource,
        name,
        rt.group,
        `unable to create new content in namespace ${ns} because it is being terminated`,
        [
          {
            reason: 'NamespaceTerminating',
            message: `namespace ${ns} is being terminated`,
            field: 'metadata.namespace',
          },
        ],
      );
    }
  }

  private checkTypeMeta(
    rt: ResourceType,
    version: string,
    input: KubeObject,
    required: boolean,
  ) {
    const gv = joinApiVersion(rt.group, version);
    if (required && !input.apiVersion)
      throw badRequest('apiVersion must be set');
    if (required && !input.kind) throw badRequest('kind must be set');
    if (input.apiVersion && input.apiVersion !== gv) {
      const { group } = splitApiVersion(String(input.apiVersion));
      if (
        group !== rt.group ||
        !rt.versions.includes(splitApiVersion(String(input.apiVersion)).version)
      ) {
        throw badRequest(
          `the API version in the data (${input.apiVersion}) does not match the expected API version (${gv})`,
        );
      }
    }
    if (input.kind && input.kind !== rt.kind) {
      throw badRequest(
        `the kind in the data (${input.kind}) does not match the expected kind (${rt.kind})`,
      );
    }
  }

  private checkNamespaceMatch(
    rt: ResourceType,
    ns: string | undefined,
    input: KubeObject,
  ) {
    const bodyNs = input.metadata?.namespace;
    if (rt.namespaced && bodyNs && ns && bodyNs !== ns) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
  }

  /** Common checks for an object about to be written; returns the pruned object and warnings. */
  private validate(
    rt: ResourceType,
    version: string,
    obj: KubeObject,
    opts: WriteOptions,
    old?: KubeObject,
  ): { obj: KubeObject; warnings: string[] } {
    const name = obj.metadata.name;
    const causes: StatusCause[] = [];
    if (!old) causes.push(...validateName(rt.nameRule, name));
    causes.push(...validateLabels(obj.metadata.labels));
    causes.push(...builtinValidation(rt, obj));
    let result = obj;
    let warnings: string[] = [];
    if (rt.crdName) {
      const schema = rt.schemas?.[version];
      const statusSeparate = rt.hasStatus && opts.subresource !== 'status';
      const input = statusSeparate ? { ...obj, status: undefined } : obj;
      if (statusSeparate) delete input.status;
      const v = validateWithSchema(schema, input);
      causes.push(...v.causes);
      result = v.obj;
      if (statusSeparate && obj.status !== undefined)
        result.status = obj.status;
      result.metadata = obj.metadata;
      warnings = v.pruned.map(p => `unknown field "${p}"`);
      if (v.pruned.length && opts.fieldValidation === 'Strict') {
        throw badRequest(
          `strict decoding error: ${v.pruned
            .map(p => `unknown field "${p}"`)
            .join(', ')}`,
        );
      }
      if (opts.fieldValidation === 'Ignore') warnings = [];
    }
    if (rt.resource === 'customresourcedefinitions')
      causes.push(...crdValidation(obj));
    if (causes.length) throw invalid(rt.kind, rt.group, name, causes);
    return { obj: result, warnings };
  }

  create(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    input: KubeObject,
    opts: WriteOptions = {},
    managed?: ManagedFieldsEntry[],
  ): WriteResult {
    this.checkTypeMeta(rt, version, input, false);
    this.checkNamespaceMatch(rt, ns, input);
    const meta = isPlainObject(input.metadata) ? input.metadata : {};
    let name: string = meta.name;
    if (!name) {
      if (!meta.generateName) {
        throw invalid(rt.kind, rt.group, '', [
          {
            reason: 'FieldValueRequired',
            message: 'Required value: name or generateName is required',
            field: 'metadata.name',
          },
        ]);
      }
      name = `${meta.generateName}${randomSuffix()}`;
    }
    const namespace = rt.namespaced ? ns ?? meta.namespace : undefined;
    this.requireNamespace(rt, namespace, name, true);
    const obj = this.newObject(rt, version, namespace, name, input);
    if (rt.hasStatus) delete obj.status;
    defaultBuiltin(rt, obj, undefined);
    const manager = opts.fieldManager ?? defaultManager(opts.userAgent);
    obj.metadata.managedFields = managed ?? [
      managedEntry(
        manager,
        'Update',
        obj.apiVersion,
        fieldSetOf(obj, !rt.hasStatus),
      ),
    ];
    const v = this.validate(rt, version, obj, opts);
    if (this.store.get(rt, namespace ?? '', name))
      throw alreadyExists(rt.resource, name, rt.group);
    if (rt.resource === 'customresourcedefinitions') setCrdStatus(v.obj);
    if (opts.dryRun) return { obj: v.obj, warnings: v.warnings, created: true };
    const entry = this.store.put(rt, v.obj);
    return { obj: entry.obj, warnings: v.warnings, created: true };
  }

  private newObject(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    input: KubeObject,
  ): KubeObject {
    const src = isPlainObject(input.metadata) ? input.metadata : {};
    const metadata: KubeObject = { name };
    if (src.generateName) metadata.generateName = src.generateName;
    if (ns !== undefined) metadata.namespace = ns;
    metadata.uid = uid();
    metadata.resourceVersion = '';
    metadata.generation = 1;
    metadata.creationTimestamp = now();
    for (const k of [
      'labels',
      'annotations',
      'finalizers',
      'ownerReferences',
    ]) {
      if (src[k] !== undefined && src[k] !== null) metadata[k] = clone(src[k]);
    }
    const obj: KubeObject = {
      apiVersion: joinApiVersion(rt.group, version),
      kind: rt.kind,
      metadata,
    };
    for (const [k, v] of Object.entries(input)) {
      if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata')
        obj[k] = clone(v);
    }
    return obj;
  }

  /** Builds the next version of an existing object from a desired full object. */
  private nextVersion(
    rt: ResourceType,
    version: string,
    old: KubeObject,
    desired: KubeObject,
    subresource?: string,
  ): KubeObject {
    let next: KubeObject;
    if (subresource === 'status') {
      next = { ...clone(old), status: clone(desired.status) };
      if (desired.status === undefined) delete next.status;
    } else {
      next = {};
      for (const [k, v] of Object.entries(desired))
        if (k !== 'metadata') next[k] = clone(v);
      const src = isPlainObject(desired.metadata) ? desired.metadata : {};
      const meta: KubeObject = clone(old.metadata);
      for (const k of [
        'labels',
        'annotations',
        'finalizers',
        'ownerReferences',
      ]) {
        if (src[k] === undefined || src[k] === null) delete meta[k];
        else meta[k] = clone(src[k]);
      }
      next.metadata = meta;
      if (rt.hasStatus) {
        if (old.status !== undefined) next.status = clone(old.status);
        else delete next.status;
      }
    }
    next.apiVersion = joinApiVersion(rt.group, version);
    next.kind = rt.kind;
    const strip = (o: KubeObject) => {
      const c: KubeObject = { ...o };
      delete c.metadata;
      delete c.apiVersion;
      delete c.kind;
      if (rt.hasStatus) delete c.status;
      return c;
    };
    if (!deepEqual(strip(old), strip(next)))
      next.metadata.generation = (old.metadata.generation ?? 1) + 1;
    defaultBuiltin(rt, next, old);
    return next;
  }

  private commit(
    rt: ResourceType,
    old: KubeObject,
    next: KubeObject,
    opts: WriteOptions,
    warnings: string[],
  ): WriteResult {
    if (rt.resource === 'customresourcedefinitions') setCrdStatus(next);
    if (sameObject(old, next)) return { obj: old, warnings, created: false };
    if (opts.dryRun) return { obj: next, warnings, created: false };
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) {
      this.removeNow(rt, old);
      return { obj: next, warnings, created: false };
    }
    const entry = this.store.put(rt, next);
    return { obj: entry.obj, warnings, created: false };
  }

  replace(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    input: KubeObject,
    opts: WriteOptions = {},
  ): WriteResult {
    this.checkTypeMeta(rt, version, input, false);
    this.checkNamespaceMatch(rt, ns, input);
    if (input.metadata?.name && input.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const old = this.mustGet(rt, ns, name).obj;
    const rv = input.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion)
      throw conflict(rt.resource, name, rt.group);
    const next = this.nextVersion(rt, version, old, input, opts.subresource);
    this.trackUpdate(rt, old, next, opts);
    const v = this.validate(rt, version, next, opts, old);
    return this.commit(rt, old, v.obj, opts, v.warnings);
  }

  patch(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    contentType: string,
    patchBody: unknown,
    opts: WriteOptions = {},
  ): WriteResult {
    const old = this.mustGet(rt, ns, name).obj;
    let desired: KubeObject;
    if (contentType === 'application/json-patch+json') {
      desired = jsonPatch(old, patchBody);
    } else {
      if (!isPlainObject(patchBody))
        throw badRequest('merge patch must be a JSON object');
      desired = mergePatch(old, patchBody) as KubeObject;
      const rv = (patchBody as KubeObject).metadata?.resourceVersion;
      if (rv && rv !== old.metadata.resourceVersion)
        throw conflict(rt.resource, name, rt.group);
    }
    if (!isPlainObject(desired))
      throw badRequest('the patched object is not a JSON object');
    if (desired.metadata?.name && desired.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${desired.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const next = this.nextVersion(rt, version, old, desired, opts.subresource);
    this.trackUpdate(rt, old, next, opts);
    const v = this.validate(rt, version, next, opts, old);
    return this.commit(rt, old, v.obj, opts, v.warnings);
  }

  /** Records field ownership for an Update operation (PUT/PATCH). */
  private trackUpdate(
    rt: ResourceType,
    old: KubeObject,
    next: KubeObject,
    opts: WriteOptions,
  ) {
    const sub = opts.subresource === 'status' ? 'status' : undefined;
    const includeStatus = sub === 'status' || !rt.hasStatus;
    const changed = changedPaths(old, next, includeStatus).filter(
      p => !(sub === 'status') || p[0] === 'status',
    );
    if (changed.length === 0) {
      next.metadata.managedFields = old.metadata.managedFields;
      return;
    }
    const manager = opts.fieldManager ?? defaultManager(opts.userAgent);
    const entries: ManagedFieldsEntry[] = clone(
      old.metadata.managedFields ?? [],
    );
    for (const e of entries) {
      if ((e.subresource ?? undefined) !== sub) continue;
      if (e.manager === manager && e.operation === 'Update') continue;
      for (const p of changed) removePath(e.fieldsV1, p);
    }
    let mine = entries.find(
      e =>
        e.manager === manager &&
        e.operation === 'Update' &&
        (e.subresource ?? undefined) === sub,
    );
    if (!mine) {
      mine = managedEntry(manager, 'Update', next.apiVersion, {}, sub);
      entries.push(mine);
    }
    mine.time = now();
    mine.apiVersion = next.apiVersion;
    for (const p of changed) {
      if (valueAtPath(next, p) !== undefined) addPath(mine.fieldsV1, p);
      else removePath(mine.fieldsV1, p);
    }
    next.metadata.managedFields = entries.filter(
      e => Object.keys(e.fieldsV1).length > 0,
    );
  }

  apply(
    rt: ResourceType,
    version: string,
    ns: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions = {},
  ): WriteResult {
    if (!opts.fieldManager)
      throw badRequest(
        'PATCH, application/apply-patch+yaml requires fieldManager to be set',
      );
    if (!isPlainObject(body))
      throw badRequest('the applied configuration must be an object');
    this.checkTypeMeta(rt, version, body, true);
    this.checkNamespaceMatch(rt, ns, body);
    if (body.metadata?.name && body.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const sub = opts.subresource === 'status' ? 'status' : undefined;
    const applied: KubeObject = clone(body);
    if (sub === 'status') {
      for (const k of Object.keys(applied))
        if (!['apiVersion', 'kind', 'metadata', 'status'].includes(k))
          delete applied[k];
    } else if (rt.hasStatus) {
      delete applied.status;
    }
    const includeStatus = sub === 'status' || !rt.hasStatus;
    const mySet =
      sub === 'status'
        ? { 'f:status': fieldSetOf(applied, true)['f:status'] ?? {} }
        : fieldSetOf(applied, includeStatus);
    const manager = opts.fieldManager;
    const existing = this.store.get(rt, rt.namespaced ? ns ?? '' : '', name);

    if (!existing) {
      if (sub) throw notFound(rt.resource, name, rt.group);
      const entry = managedEntry(
        manager,
        'Apply',
        joinApiVersion(rt.group, version),
        mySet,
      );
      return this.create(
        rt,
        version,
        ns,
        { ...applied, metadata: { ...(applied.metadata ?? {}), name } },
        opts,
        [entry],
      );
    }
    const old = existing.obj;
    const rv = applied.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion)
      throw conflict(rt.resource, name, rt.group);

    const entries: ManagedFieldsEntry[] = clone(
      old.metadata.managedFields ?? [],
    );
    const sameScope = (e: ManagedFieldsEntry) =>
      (e.subresource ?? undefined) === sub;
    const others = entries.filter(e => sameScope(e) && e.manager !== manager);
    const myLeaves = leafPaths(mySet);
    // Conflicts: another manager owns a field this apply sets to a different value.
    const conflicts: Array<{
      manager: string;
      apiVersion: string;
      path: string[];
    }> = [];
    for (const p of myLeaves) {
      const mine = valueAtPath(applied, p);
      for (const o of others) {
        if (covers(o.fieldsV1, p) && !deepEqual(valueAtPath(old, p), mine)) {
          conflicts.push({
            manager: o.manager,
            apiVersion: o.apiVersion,
            path: p,
          });
        }
      }
    }
    if (conflicts.length && !opts.force) {
      const lines = conflicts.map(
        c =>
          `conflict with "${c.manager}"${
            c.apiVersion ? ` using ${c.apiVersion}` : ''
          }: .${c.path.join('.')}`,
      );
      throw new ApiError(
        409,
        `Apply failed with ${conflicts.length} conflict${
          conflicts.length > 1 ? 's' : ''
        }: ${lines.join('\n')}`,
        {
          reason: 'Conflict',
          details: {
            name,
            group: rt.group || undefined,
            kind: rt.resource,
            causes: conflicts.map(c => ({
              reason: 'FieldManagerConflict',
              message: `conflict with "${c.manager}"${
                c.apiVersion ? ` using ${c.apiVersion}` : ''
              }`,
              field: `.${c.path.join('.')}`,
            })),
          },
        },
      );
    }
    if (opts.force)
      for (const c of conflicts)
        for (const o of others) removePath(o.fieldsV1, c.path);

    const prev = entries.find(
      e => sameScope(e) && e.manager === manager && e.operation === 'Apply',
    );
    let merged = applyMerge(clone(old), applied) as KubeObject;
    if (prev) {
      // Fields this manager applied before and no longer applies are removed, unless
      // another manager also owns them.
      for (const p of leafPaths(prev.fieldsV1)) {
        if (covers(mySet, p)) continue;
        if (others.some(o => covers(o.fieldsV1, p))) continue;
        deleteAtPath(merged, p);
        pruneEmptyParents(merged, p);
      }
    }
    if (sub === 'status') merged = { ...clone(old), status: merged.status };
    const next = this.nextVersion(rt, version, old, merged, sub);
    const kept = entries.filter(
      e => !(sameScope(e) && e.manager === manager && e.operation === 'Apply'),
    );
    kept.push(
      managedEntry(
        manager,
        'Apply',
        joinApiVersion(rt.group, version),
        mySet,
        sub,
      ),
    );
    next.metadata.managedFields = kept.filter(
      e => Object.keys(e.fieldsV1).length > 0,
    );
    const v = this.validate(rt, version, next, opts, old);
    return this.commit(rt, old, v.obj, opts, v.warnings);
  }

  /** An API delete: admission, dry run, finalizers. Internal removals use deleteObject. */
  delete(
    rt: ResourceType,
    ns: string | undefined,
    name: string,
    opts: WriteOptions = {},
  ): { obj?: KubeObject; status?: KubeObject } {
    const old = this.mustGet(rt, ns, name).obj;
    // Validating admission webhooks run for dry runs too.
    admitDelete(rt, old);
    if (opts.dryRun) return { obj: old };
    if (rt.resource === 'namespaces')
      return { obj: this.terminateNamespace(old) };
    if (old.metadata.finalizers?.length) {
      if (old.metadata.deletionTimestamp) return { obj: old };
      const next = clone(old);
      next.metadata.deletionTimestamp = now();
      next.metadata.deletionGracePeriodSeconds = 0;
      return { obj: this.store.put(rt, next).obj };
    }
    this.removeNow(rt, old);
    if (
      rt.crdName ||
      rt.resource === 'pods' ||
      rt.resource === 'customresourcedefinitions'
    )
      return { obj: old };
    return {
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: {
          name,
          group: rt.group || undefined,
          kind: rt.resource,
          uid: old.metadata.uid,
        },
      },
    };
  }

  private removeNow(rt: ResourceType, obj: KubeObject) {
    this.store.remove(rt, obj.metadata.namespace ?? '', obj.metadata.name);
  }

  // -------------------------------------------------------------------------
  // Namespaces, CRDs and garbage collection

  private terminateNamespace(nsObj: KubeObject): KubeObject {
    const name = nsObj.metadata.name;
    let current = nsObj;
    if (!nsObj.metadata.deletionTimestamp) {
      const next = clone(nsObj);
      next.metadata.deletionTimestamp = now();
      next.status = { ...(next.status ?? {}), phase: 'Terminating' };
      current = this.store.put(this.nsType(), next).obj;
    }
    if (!this.nsTimers.has(name)) {
      const t = setTimeout(() => {
        this.nsTimers.delete(name);
        this.finalizeNamespace(name);
      }, this.options.controllers.namespaceFinalizeDelayMs);
      t.unref?.();
      this.nsTimers.set(name, t);
    }
    return current;
  }

  /** Removes every object in the namespace, then the namespace. */
  finalizeNamespace(name: string) {
    if (this.stopped) return;
    for (const t of this.store.typesWithObjectsIn(name)) {
      for (const n of this.store.namesIn(t, name))
        this.store.remove(t, name, n);
    }
    if (this.store.get(this.nsType(), '', name))
      this.store.remove(this.nsType(), '', name);
  }

  private nsType(): ResourceType {
    return this.registry.getByResource('', 'namespaces')!;
  }

  private onStoreEvent(ev: StoreEvent) {
    if (
      ev.group === 'apiextensions.k8s.io' &&
      ev.resource === 'customresourcedefinitions'
    ) {
      if (ev.type === 'DELETED') {
        const t = this.registry.getByResource(
          ev.obj.spec?.group,
          ev.obj.spec?.names?.plural,
        );
        if (t && t.crdName === ev.obj.metadata.name) {
          for (const ns of this.store.namespacesOf(t)) {
            for (const n of this.store.namesIn(t, ns))
              this.store.remove(t, ns, n);
          }
          this.registry.removeCrd(ev.obj);
        }
      } else if (
        !this.registry.isBuiltinKey(
          ev.obj.spec?.group,
          ev.obj.spec?.names?.plural,
        )
      ) {
        this.registry.addCrd(ev.obj);
      }
    }
    if (ev.type === 'DELETED' && ev.obj.metadata?.uid) {
      for (const d of this.store.dependentsOf(ev.obj.metadata.uid)) {
        this.gcQueue.add(`${d.group}|${d.resource}|${d.ns}|${d.name}`);
      }
      if (this.gcQueue.size && !this.gcScheduled) {
        this.gcScheduled = true;
        setImmediate(() => this.collectGarbage());
      }
    }
  }

  private collectGarbage() {
    this.gcScheduled = false;
    if (this.stopped) return;
    const items = [...this.gcQueue];
    this.gcQueue.clear();
    for (const item of items) {
      const [group, resource, ns, name] = item.split('|');
      const t = this.registry.getByResource(group, resource) ?? {
        group,
        resource,
      };
      const e = this.store.get(t, ns, name);
      if (!e) continue;
      const alive = (e.obj.metadata.ownerReferences ?? []).some(
        (ref: KubeObject) => {
          const { group: g } = splitApiVersion(String(ref.apiVersion ?? ''));
          const ot = this.registry.getByKind(
            String(ref.apiVersion),
            String(ref.kind),
          );
          if (!ot) return false;
          const owner = this.store.get(
            { group: g, resource: ot.resource },
            ot.namespaced ? ns : '',
            ref.name,
          );
          return owner?.obj.metadata.uid === ref.uid;
        },
      );
      if (!alive) this.store.remove(t, ns, name);
    }
  }

  // -------------------------------------------------------------------------
  // Internal access (controllers, seeds, the test view): no validation, no admission.

  typeFor(apiVersion: string, kind: string): ResourceType {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t)
      throw new Error(
        `kube-sim: no resource serves ${apiVersion} ${kind} in ${this.options.name}`,
      );
    return t;
  }

  getObject(
    apiVersion: string,
    kind: string,
    ns: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t) return undefined;
    return this.store.get(t, t.namespaced ? ns ?? '' : '', name)?.obj;
  }

  /** Create-or-replace without validation; keeps uid/creationTimestamp of an existing object. */
  putObject(input: KubeObject): KubeObject {
    const t = this.typeFor(input.apiVersion, input.kind);
    const obj = clone(input);
    obj.metadata = obj.metadata ?? {};
    const ns = t.namespaced ? obj.metadata.namespace ?? 'default' : undefined;
    if (ns === undefined) delete obj.metadata.namespace;
    else obj.metadata.namespace = ns;
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = `${obj.metadata.generateName}${randomSuffix()}`;
    if (!obj.metadata.name)
      throw new Error('kube-sim: metadata.name is required');
    const old = this.store.get(t, ns ?? '', obj.metadata.name)?.obj;
    if (old) {
      obj.metadata.uid = obj.metadata.uid ?? old.metadata.uid;
      obj.metadata.creationTimestamp =
        obj.metadata.creationTimestamp ?? old.metadata.creationTimestamp;
      const specOf = (o: KubeObject) => {
        const c = { ...o };
        delete c.metadata;
        delete c.status;
        return c;
      };
      obj.metadata.generation = deepEqual(specOf(old), specOf(obj))
        ? old.metadata.generation ?? 1
        : (old.metadata.generation ?? 1) + 1;
      if (
        obj.metadata.managedFields === undefined &&
        old.metadata.managedFields
      )
        obj.metadata.managedFields = old.metadata.managedFields;
    } else {
      obj.metadata.uid = obj.metadata.uid ?? uid();
      obj.metadata.creationTimestamp = obj.metadata.creationTimestamp ?? now();
      obj.metadata.generation = obj.metadata.generation ?? 1;
    }
    defaultBuiltin(t, obj, old);
    if (t.resource === 'customresourcedefinitions') setCrdStatus(obj);
    return this.store.put(t, obj).obj;
  }

  /** Creates an object only if it does not exist yet (for controllers). */
  ensureObject(input: KubeObject): KubeObject {
    const existing = this.getObject(
      input.apiVersion,
      input.kind,
      input.metadata?.namespace,
      input.metadata?.name,
    );
    return existing ?? this.putObject(input);
  }

  /** Deletes immediately (no finalizers); namespaces are emptied first. */
  deleteObject(
    apiVersion: string,
    kind: string,
    ns: string | undefined,
    name: string,
  ): boolean {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t) return false;
    const e = this.store.get(t, t.namespaced ? ns ?? '' : '', name);
    if (!e) return false;
    if (t.resource === 'namespaces' && t.group === '') {
      const timer = this.nsTimers.get(name);
      if (timer) clearTimeout(timer);
      this.nsTimers.delete(name);
      this.finalizeNamespace(name);
      return true;
    }
    this.removeNow(t, e.obj);
    return true;
  }

  /** Writes a new status if the mutator changes it; returns the stored object. */
  updateStatus(
    apiVersion: string,
    kind: string,
    ns: string | undefined,
    name: string,
    mutate: (status: KubeObject, obj: KubeObject) => KubeObject | void,
  ): KubeObject | undefined {
    const t = this.registry.getByKind(apiVersion, kind);
    if (!t) return undefined;
    const e = this.store.get(t, t.namespaced ? ns ?? '' : '', name);
    if (!e) return undefined;
    const status = clone(e.obj.status ?? {});
    const result = mutate(status, e.obj) ?? status;
    if (deepEqual(result, e.obj.status ?? {})) return e.obj;
    return this.store.put(t, {
      ...e.obj,
      metadata: { ...e.obj.metadata },
      status: result,
    }).obj;
  }

  namespaceExists(ns: string): boolean {
    const e = this.store.get(this.nsType(), '', ns);
    return Boolean(e && !e.obj.metadata.deletionTimestamp);
  }
}

// ---------------------------------------------------------------------------
// Helpers

/** YAML is a superset of JSON, but JSON.parse is much faster: clients mostly send JSON. */
function parseYamlOrJson(text: string): unknown {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      // not JSON after all: fall through to YAML
    }
  }
  return YAML.parse(text);
}

function apiGroup(name: string, versions: string[]) {
  return {
    name,
    versions: versions.map(v => ({ groupVersion: `${name}/${v}`, version: v })),
    preferredVersion: {
      groupVersion: `${name}/${versions[0]}`,
      version: versions[0],
    },
  };
}

export function errorResponse(e: unknown): SimResponse {
  if (e instanceof ApiError)
    return json(
      e.code,
      e.toStatus(),
      Object.keys(e.headers).length ? e.headers : undefined,
    );
  const message = e instanceof Error ? e.message : String(e);
  return json(
    500,
    new ApiError(500, `Internal error occurred: ${message}`).toStatus(),
  );
}

function defaultManager(userAgent?: string): string {
  const first = (userAgent ?? '').split(/[\s/]/)[0];
  return first || 'unknown';
}

function managedEntry(
  manager: string,
  operation: 'Apply' | 'Update',
  apiVersion: string,
  set: FieldSet,
  subresource?: string,
): ManagedFieldsEntry {
  const e: ManagedFieldsEntry = {
    manager,
    operation,
    apiVersion,
    time: now(),
    fieldsType: 'FieldsV1',
    fieldsV1: set,
  };
  if (subresource) e.subresource = subresource;
  return e;
}

function pruneEmptyParents(obj: KubeObject, path: string[]) {
  for (let i = path.length - 1; i > 0; i--) {
    const parentPath = path.slice(0, i);
    if (parentPath.length === 1 && parentPath[0] === 'metadata') break;
    const v = valueAtPath(obj, parentPath);
    if (isPlainObject(v) && Object.keys(v).length === 0)
      deleteAtPath(obj, parentPath);
    else break;
  }
}

function sameObject(a: KubeObject, b: KubeObject): boolean {
  const norm = (o: KubeObject) => {
    const c = { ...o, metadata: { ...o.metadata } };
    delete c.metadata.resourceVersion;
    c.metadata.managedFields = (o.metadata.managedFields ?? []).map(
      (m: KubeObject) => ({ ...m, time: undefined }),
    );
    return c;
  };
  return deepEqual(
    JSON.parse(JSON.stringify(norm(a))),
    JSON.parse(JSON.stringify(norm(b))),
  );
}

const QUANTITY_RE =
  /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

function quantityCauses(map: unknown, field: string): StatusCause[] {
  if (!isPlainObject(map)) return [];
  const out: StatusCause[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'number') continue;
    if (typeof v !== 'string' || !QUANTITY_RE.test(v)) {
      out.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          v,
        )}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        field: `${field}[${k}]`,
      });
    }
  }
  return out;
}

/** A few checks the real API server does for built-in kinds. */
function builtinValidation(rt: ResourceType, obj: KubeObject): StatusCause[] {
  if (rt.crdName) return [];
  const causes: StatusCause[] = [];
  const spec = obj.spec ?? {};
  switch (`${rt.group}/${rt.resource}`) {
    case 'apps/deployments':
    case 'apps/statefulsets':
    case 'apps/replicasets':
    case 'apps/daemonsets': {
      if (!spec.selector)
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.selector',
        });
      const labels = spec.template?.metadata?.labels ?? {};
      const want = spec.selector?.matchLabels ?? {};
      for (const [k, v] of Object.entries(want)) {
        if (labels[k] !== v) {
          causes.push({
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(
              labels,
            )}: \`selector\` does not match template \`labels\``,
            field: 'spec.template.metadata.labels',
          });
          break;
        }
      }
      if (
        spec.replicas !== undefined &&
        (!Number.isInteger(spec.replicas) || spec.replicas < 0)
      ) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(
            spec.replicas,
          )}: must be greater than or equal to 0`,
          field: 'spec.replicas',
        });
      }
      break;
    }
    case '/resourcequotas':
      causes.push(...quantityCauses(spec.hard, 'spec.hard'));
      break;
    case '/limitranges':
      (spec.limits ?? []).forEach((l: KubeObject, i: number) => {
        for (const k of [
          'default',
          'defaultRequest',
          'max',
          'min',
          'maxLimitRequestRatio',
        ]) {
          causes.push(...quantityCauses(l?.[k], `spec.limits[${i}].${k}`));
        }
      });
      break;
    case '/configmaps':
      for (const [k, v] of Object.entries(obj.data ?? {})) {
        if (typeof v !== 'string')
          causes.push({
            reason: 'FieldValueTypeInvalid',
            message: 'Invalid value: must be a string',
            field: `data[${k}]`,
          });
      }
      break;
    case 'rbac.authorization.k8s.io/roles':
    case 'rbac.authorization.k8s.io/clusterroles':
      (obj.rules ?? []).forEach((r: KubeObject, i: number) => {
        if (!Array.isArray(r?.verbs) || r.verbs.length === 0) {
          causes.push({
            reason: 'FieldValueRequired',
            message: 'Required value: verbs must contain at least one value',
            field: `rules[${i}].verbs`,
          });
        }
      });
      break;
    case 'rbac.authorization.k8s.io/rolebindings':
    case 'rbac.authorization.k8s.io/clusterrolebindings':
      if (!obj.roleRef?.name)
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'roleRef.name',
        });
      break;
    default:
  }
  return causes;
}

function crdValidation(crd: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = crd.spec ?? {};
  if (!spec.group)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.group',
    });
  if (!spec.names?.plural)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.names.plural',
    });
  if (!spec.names?.kind)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.names.kind',
    });
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(
        spec.scope ?? '',
      )}: supported values: "Cluster", "Namespaced"`,
      field: 'spec.scope',
    });
  }
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  if (versions.length === 0)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.versions',
    });
  else if (versions.filter((v: KubeObject) => v.storage).length !== 1) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(
        versions.map((v: KubeObject) => v.name),
      )}: must have exactly one version marked as storage version`,
      field: 'spec.versions',
    });
  }
  if (
    spec.group &&
    spec.names?.plural &&
    crd.metadata?.name !== `${spec.names.plural}.${spec.group}`
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(
        crd.metadata?.name,
      )}: must be spec.names.plural+"."+spec.group`,
      field: 'metadata.name',
    });
  }
  return causes;
}

function setCrdStatus(crd: KubeObject) {
  const t = now();
  const prev = crd.status?.conditions ?? [];
  const since = (type: string) =>
    prev.find((c: KubeObject) => c.type === type && c.status === 'True')
      ?.lastTransitionTime ?? t;
  const storage = (crd.spec?.versions ?? []).find(
    (v: KubeObject) => v.storage,
  )?.name;
  const stored = new Set<string>(crd.status?.storedVersions ?? []);
  if (storage) stored.add(storage);
  crd.status = {
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: since('NamesAccepted'),
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: since('Established'),
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    acceptedNames: {
      kind: crd.spec?.names?.kind,
      listKind: crd.spec?.names?.listKind ?? `${crd.spec?.names?.kind}List`,
      plural: crd.spec?.names?.plural,
      singular:
        crd.spec?.names?.singular ??
        String(crd.spec?.names?.kind ?? '').toLowerCase(),
      ...(crd.spec?.names?.shortNames
        ? { shortNames: crd.spec.names.shortNames }
        : {}),
      ...(crd.spec?.names?.categories
        ? { categories: crd.spec.names.categories }
        : {}),
    },
    storedVersions: [...stored],
  };
}

let nextClusterIp = 1;

/** Defaulting the API server does for some built-in kinds. */
function defaultBuiltin(
  rt: ResourceType,
  obj: KubeObject,
  old: KubeObject | undefined,
) {
  if (rt.crdName) return;
  switch (`${rt.group}/${rt.resource}`) {
    case '/namespaces':
      obj.spec = { finalizers: ['kubernetes'], ...(obj.spec ?? {}) };
      obj.metadata.labels = {
        ...(obj.metadata.labels ?? {}),
        'kubernetes.io/metadata.name': obj.metadata.name,
      };
      if (!obj.status?.phase)
        obj.status = {
          ...(obj.status ?? {}),
          phase: obj.metadata.deletionTimestamp ? 'Terminating' : 'Active',
        };
      break;
    case '/services': {
      const spec = (obj.spec = obj.spec ?? {});
      spec.type = spec.type ?? 'ClusterIP';
      if (spec.type !== 'ExternalName' && !spec.clusterIP) {
        const ip =
          old?.spec?.clusterIP ??
          `10.96.${Math.floor(nextClusterIp / 250) % 250}.${
            (nextClusterIp % 250) + 1
          }`;
        if (!old?.spec?.clusterIP) nextClusterIp++;
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      }
      spec.sessionAffinity = spec.sessionAffinity ?? 'None';
      for (const p of spec.ports ?? []) {
        p.protocol = p.protocol ?? 'TCP';
        if (p.targetPort === undefined) p.targetPort = p.port;
      }
      obj.status = obj.status ?? { loadBalancer: {} };
      break;
    }
    case '/secrets':
      obj.type = obj.type ?? 'Opaque';
      if (isPlainObject(obj.stringData)) {
        obj.data = { ...(obj.data ?? {}) };
        for (const [k, v] of Object.entries(obj.stringData))
          obj.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
        delete obj.stringData;
      }
      break;
    case 'apps/deployments':
    case 'apps/statefulsets':
    case 'apps/replicasets':
      if (obj.spec && obj.spec.replicas === undefined) obj.spec.replicas = 1;
      break;
    case '/pods':
      if (!obj.status?.phase)
        obj.status = { ...(obj.status ?? {}), phase: 'Pending' };
      break;
    case '/persistentvolumeclaims':
      if (!obj.status?.phase)
        obj.status = { ...(obj.status ?? {}), phase: 'Pending' };
      break;
    default:
  }
}
