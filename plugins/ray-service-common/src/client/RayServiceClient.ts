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

import { ResponseError } from '@backstage/errors';
import { PageParams, TEMPLATE_VERSION_YAML_CONTENT_TYPE } from '../api';
import { AuditEntry } from '../audit';
import { HostClusterFacts } from '../hostClusterFacts';
import { HostCluster, ListResponse } from '../hostClusters';
import { ComputeProfile, ComputeProfileInput } from '../profiles';
import { TemplateVersionAction } from '../templateLifecycle';
import { TemplateVersion, TemplateVersionDocument } from '../templates';
import {
  HostClusterCapacity,
  HostClusterPreflight,
  Tenant,
  TenantPlan,
  TenantRequest,
} from '../tenants';
import { paths, withPage } from './paths';

/** The parts of Backstage's discovery API the client needs. */
export interface RayServiceDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The parts of Backstage's fetch API the client needs. */
export interface RayServiceFetch {
  fetch: typeof fetch;
}

/** Per-call options; `token` is a Backstage token for server-side callers. */
export interface RequestOptions {
  token?: string;
}

/** A request body sent as it is, with its own content type, not as JSON. */
class TextBody {
  readonly contentType: string;
  readonly text: string;

  constructor(contentType: string, text: string) {
    this.contentType = contentType;
    this.text = text;
  }
}

function encodeBody(body: unknown): TextBody | undefined {
  if (body === undefined || body instanceof TextBody) {
    return body;
  }
  return new TextBody('application/json', JSON.stringify(body));
}

/**
 * Typed client of the ray-service REST API, usable from the browser (with the
 * frontend's fetchApi) and from other backend plugins (with a plugin token).
 */
export class RayServiceClient {
  private readonly discoveryApi: RayServiceDiscovery;
  private readonly fetchApi: RayServiceFetch;

  constructor(options: {
    discoveryApi: RayServiceDiscovery;
    fetchApi?: RayServiceFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    // Wrapped: browsers refuse a fetch called with another `this` than window.
    this.fetchApi = options.fetchApi ?? {
      fetch: (input, init) => globalThis.fetch(input, init),
    };
  }

  async getHealth(options?: RequestOptions): Promise<{ status: string }> {
    return this.request('GET', '/health', undefined, options);
  }

  async listHostClusters(
    options?: RequestOptions,
  ): Promise<ListResponse<HostCluster>> {
    return this.request('GET', paths.hostClusters(), undefined, options);
  }

  async getHostCluster(
    name: string,
    options?: RequestOptions,
  ): Promise<HostCluster> {
    return this.request('GET', paths.hostCluster(name), undefined, options);
  }

  /** Replaces the facts present in `facts`, keeping the others. */
  async updateHostClusterFacts(
    name: string,
    facts: HostClusterFacts,
    options?: RequestOptions,
  ): Promise<HostCluster> {
    return this.request('PATCH', paths.hostCluster(name), facts, options);
  }

  async listProfiles(
    page?: PageParams,
    options?: RequestOptions,
  ): Promise<ListResponse<ComputeProfile>> {
    return this.request(
      'GET',
      withPage(paths.profiles(), page),
      undefined,
      options,
    );
  }

  async getProfile(
    name: string,
    options?: RequestOptions,
  ): Promise<ComputeProfile> {
    return this.request('GET', paths.profile(name), undefined, options);
  }

  async createProfile(
    profile: ComputeProfileInput,
    options?: RequestOptions,
  ): Promise<ComputeProfile> {
    return this.request('POST', paths.profiles(), profile, options);
  }

  async updateProfile(
    name: string,
    profile: ComputeProfileInput,
    options?: RequestOptions,
  ): Promise<ComputeProfile> {
    return this.request('PUT', paths.profile(name), profile, options);
  }

  /** Fails with a 409 while a tenant uses the profile. */
  async deleteProfile(name: string, options?: RequestOptions): Promise<void> {
    return this.request('DELETE', paths.profile(name), undefined, options);
  }

  async listTemplateVersions(
    page?: PageParams,
    options?: RequestOptions,
  ): Promise<ListResponse<TemplateVersion>> {
    return this.request(
      'GET',
      withPage(paths.templates(), page),
      undefined,
      options,
    );
  }

  /** @param ref - `name@version`, e.g. `kuberay@1.2.0` */
  async getTemplateVersion(
    ref: string,
    options?: RequestOptions,
  ): Promise<TemplateVersion> {
    return this.request('GET', paths.templateVersion(ref), undefined, options);
  }

  /**
   * Imports a version from a document: YAML or JSON text is sent as
   * `application/yaml` (JSON being YAML), an object as JSON.
   */
  async importTemplateVersion(
    document: string | TemplateVersionDocument,
    options?: RequestOptions,
  ): Promise<TemplateVersion> {
    const body =
      typeof document === 'string'
        ? new TextBody(TEMPLATE_VERSION_YAML_CONTENT_TYPE, document)
        : document;
    return this.request('POST', paths.templates(), body, options);
  }

  async transitionTemplateVersion(
    ref: string,
    action: TemplateVersionAction,
    options?: RequestOptions,
  ): Promise<TemplateVersion> {
    return this.request(
      'POST',
      paths.templateVersionAction(ref, action),
      undefined,
      options,
    );
  }

  /** Replaces the groups the version is shared with. */
  async setTemplateSharing(
    ref: string,
    sharedWith: string[],
    options?: RequestOptions,
  ): Promise<TemplateVersion> {
    return this.request(
      'PUT',
      paths.templateSharing(ref),
      { sharedWith },
      options,
    );
  }

  async listAuditEntries(
    page?: PageParams,
    options?: RequestOptions,
  ): Promise<ListResponse<AuditEntry>> {
    return this.request(
      'GET',
      withPage(paths.audit(), page),
      undefined,
      options,
    );
  }

  /** Dry-run: the objects creating this tenant would apply; no side effects. */
  async planTenant(
    request: TenantRequest,
    options?: RequestOptions,
  ): Promise<TenantPlan> {
    return this.request('POST', paths.tenantPlan(), request, options);
  }

  async createTenant(
    request: TenantRequest,
    options?: RequestOptions,
  ): Promise<Tenant> {
    return this.request('POST', paths.tenants(), request, options);
  }

  /** The tenants the caller may read. */
  async listTenants(
    page?: PageParams,
    options?: RequestOptions,
  ): Promise<ListResponse<Tenant>> {
    return this.request(
      'GET',
      withPage(paths.tenants(), page),
      undefined,
      options,
    );
  }

  async getTenant(name: string, options?: RequestOptions): Promise<Tenant> {
    return this.request('GET', paths.tenant(name), undefined, options);
  }

  /** @param templateVersion - `name@version` of a published version */
  async upgradeTenant(
    name: string,
    templateVersion: string,
    options?: RequestOptions,
  ): Promise<Tenant> {
    return this.request(
      'POST',
      paths.tenantUpgrade(name),
      { templateVersion },
      options,
    );
  }

  /** Requests deletion; the tenant shows phase Deleting until it is gone. */
  async deleteTenant(name: string, options?: RequestOptions): Promise<Tenant> {
    return this.request('DELETE', paths.tenant(name), undefined, options);
  }

  async getHostClusterPreflight(
    name: string,
    options?: RequestOptions,
  ): Promise<HostClusterPreflight> {
    return this.request(
      'GET',
      paths.hostClusterPreflight(name),
      undefined,
      options,
    );
  }

  async getHostClusterCapacity(
    name: string,
    options?: RequestOptions,
  ): Promise<HostClusterCapacity> {
    return this.request(
      'GET',
      paths.hostClusterCapacity(name),
      undefined,
      options,
    );
  }

  /**
   * The minimal RBAC an admin applies so the backend needs no cluster-admin
   * on this host cluster, as YAML (`kubectl apply -f -`).
   */
  async getHostClusterRbac(
    name: string,
    options?: RequestOptions,
  ): Promise<string> {
    const response = await this.send(
      'GET',
      paths.hostClusterRbac(name),
      undefined,
      options,
    );
    return response.text();
  }

  protected async request<T>(
    method: string,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<T> {
    const response = await this.send(method, path, body, options);
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  /** Sends a request; resolves with the response when it is a 2xx. */
  private async send(
    method: string,
    path: string,
    body: unknown,
    options?: RequestOptions,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ray-service');
    const encodedBody = encodeBody(body);
    const headers: Record<string, string> = {};
    if (encodedBody) {
      headers['Content-Type'] = encodedBody.contentType;
    }
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: encodedBody?.text,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
