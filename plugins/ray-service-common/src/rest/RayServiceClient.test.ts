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
import { validationDetailsOf } from '../errors';
import { rayServiceApi } from './contract';
import { RayServiceClient } from './RayServiceClient';

interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const BASE_URL = 'http://localhost:7007/api/ray-service';

/** A client whose fetch records requests and answers with `response`. */
function setup(response: () => Response = () => Response.json({})) {
  const requests: RecordedRequest[] = [];
  const fetch = jest.fn(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({
        url: String(input),
        method: init?.method ?? 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: init?.body as string | undefined,
      });
      return response();
    },
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => BASE_URL) };
  const client = new RayServiceClient({ discoveryApi, fetchApi: { fetch } });
  return { client, requests, discoveryApi };
}

const profileInput = {
  name: 'medium',
  displayName: 'Medium',
  description: '',
  resources: [{ cpu: '8', memory: '32Gi', storage: '100Gi' }],
  partitioning: {},
  allocation: { strategy: 'onDemand' as const },
  published: true,
  visibleTo: [],
};

describe('RayServiceClient', () => {
  it('asks discovery for the ray-service base URL', async () => {
    const { client, discoveryApi } = setup(() =>
      Response.json({ status: 'ok' }),
    );
    await expect(client.getHealth()).resolves.toEqual({ status: 'ok' });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('ray-service');
  });

  it('calls every operation of the contract with its method and path', async () => {
    const { client, requests } = setup(() => Response.json({}));
    const operations = Object.entries(rayServiceApi);
    for (const [operation, definition] of operations) {
      const call = (client as unknown as Record<string, Function>)[operation];
      await call({
        path: { name: 'n', version: '1.0.0', tenant: 't', submissionId: 's' },
        ...(definition.method !== 'get' && { body: {} }),
      });
    }
    expect(
      requests.map(r => `${r.method} ${r.url.slice(BASE_URL.length)}`),
    ).toEqual(
      operations.map(
        ([, definition]) =>
          `${definition.method.toUpperCase()} ${definition.path
            .replace('{name}', 'n')
            .replace('{version}', '1.0.0')
            .replace('{tenant}', 't')
            .replace('{submissionId}', 's')}`,
      ),
    );
  });

  it('answers a 204 with undefined and YAML as text', async () => {
    const empty = setup(() => new Response(null, { status: 204 }));
    await expect(
      empty.client.deleteProfile({ path: { name: 'medium' } }),
    ).resolves.toBeUndefined();
    expect(empty.requests[0]).toMatchObject({
      method: 'DELETE',
      url: `${BASE_URL}/profiles/medium`,
    });
    const yaml = setup(
      () =>
        new Response('kind: ClusterRole\n', {
          headers: { 'Content-Type': 'application/yaml' },
        }),
    );
    await expect(
      yaml.client.getHostClusterRbac({ path: { name: 'sim' } }),
    ).resolves.toBe('kind: ClusterRole\n');
  });

  it('encodes path segments', async () => {
    const { client, requests } = setup();
    await client.getProfile({ path: { name: 'a/b?c' } });
    await client.getHostCluster({ path: { name: 'eu west#1' } });
    await client.getTemplateVersion({
      path: { name: 'kuberay', version: '2.0.0-rc.1+build.5' },
    });
    expect(requests.map(r => r.url)).toEqual([
      `${BASE_URL}/profiles/a%2Fb%3Fc`,
      `${BASE_URL}/host-clusters/eu%20west%231`,
      `${BASE_URL}/templates/kuberay@2.0.0-rc.1%2Bbuild.5`,
    ]);
  });

  it('sends page params as a query string', async () => {
    const { client, requests } = setup();
    await client.listProfiles({ query: { limit: 20, cursor: 'a b&c' } });
    await client.listTemplateVersions({ query: { limit: 100 } });
    await client.listAuditEntries({ query: { cursor: 'next' } });
    expect(requests.map(r => r.url)).toEqual([
      `${BASE_URL}/profiles?limit=20&cursor=a+b%26c`,
      `${BASE_URL}/templates?limit=100`,
      `${BASE_URL}/audit?cursor=next`,
    ]);
  });

  describe('importTemplateVersion', () => {
    it('sends text as YAML', async () => {
      const { client, requests } = setup(() =>
        Response.json({ name: 'kuberay' }, { status: 201 }),
      );
      const yaml =
        'apiVersion: ray-service.io/v1alpha1\nkind: TenantTemplateVersion\n';
      await expect(
        client.importTemplateVersion({ body: yaml }),
      ).resolves.toEqual({
        name: 'kuberay',
      });
      expect(requests).toEqual([
        {
          url: `${BASE_URL}/templates`,
          method: 'POST',
          headers: { 'Content-Type': 'application/yaml' },
          body: yaml,
        },
      ]);
    });

    it('sends objects as JSON', async () => {
      const { client, requests } = setup();
      const document = {
        apiVersion: 'ray-service.io/v1alpha1' as const,
        kind: 'TenantTemplateVersion' as const,
        metadata: { name: 'kuberay', version: '1.2.0' },
        spec: {
          kuberayVersion: '1.2.2',
          rayVersion: '2.40.0',
          vclusterChartVersion: '0.21.1',
          isolationModes: ['namespace' as const],
          addons: [],
          security: { networkPolicy: true, tls: false },
          changelog: '',
          sharedWith: [],
        },
      };
      await client.importTemplateVersion({ body: document });
      expect(requests[0].headers).toEqual({
        'Content-Type': 'application/json',
      });
      expect(JSON.parse(requests[0].body!)).toEqual(document);
    });
  });

  it('passes a token as bearer authorization', async () => {
    const { client, requests } = setup();
    await client.getProfile(
      { path: { name: 'medium' } },
      { token: 'secret-token' },
    );
    await client.createProfile(
      { body: profileInput },
      { token: 'secret-token' },
    );
    expect(requests.map(r => r.headers)).toEqual([
      { Authorization: 'Bearer secret-token' },
      {
        'Content-Type': 'application/json',
        Authorization: 'Bearer secret-token',
      },
    ]);
  });

  it('passes an abort signal to fetch, so a cancelled caller stops the request', async () => {
    const fetch = jest.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init!.signal!;
          if (signal.aborted) {
            reject(signal.reason);
          }
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const client = new RayServiceClient({
      discoveryApi: { getBaseUrl: async () => BASE_URL },
      fetchApi: { fetch },
    });
    const controller = new AbortController();
    const pending = client.getTenant(
      { path: { name: 'demo' } },
      { signal: controller.signal },
    );
    controller.abort(new Error('task cancelled'));
    await expect(pending).rejects.toThrow('task cancelled');
  });

  it('throws a ResponseError carrying the validation details of a 400', async () => {
    const body = {
      error: {
        name: 'InputError',
        message: 'resources.0.cpu: invalid quantity "abc"',
      },
      response: { statusCode: 400 },
      details: [
        { field: 'resources.0.cpu', message: 'invalid quantity "abc"' },
      ],
    };
    const { client } = setup(() => Response.json(body, { status: 400 }));
    const error = await client
      .createProfile({ body: profileInput })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe(
      'resources.0.cpu: invalid quantity "abc"',
    );
    expect(validationDetailsOf(error)).toEqual(body.details);
  });

  it('throws a ResponseError on a 409', async () => {
    const { client } = setup(() =>
      Response.json(
        {
          error: {
            name: 'ConflictError',
            message: 'profile medium is used by 2 tenants',
          },
          response: { statusCode: 409 },
        },
        { status: 409 },
      ),
    );
    await expect(
      client.deleteProfile({ path: { name: 'medium' } }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
    });
  });

  it('falls back to the global fetch, called as a plain function', async () => {
    const globalFetch = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(Response.json({ status: 'ok' }));
    try {
      const client = new RayServiceClient({
        discoveryApi: { getBaseUrl: async () => BASE_URL },
      });
      await expect(client.getHealth()).resolves.toEqual({ status: 'ok' });
      expect(globalFetch).toHaveBeenCalledWith(
        `${BASE_URL}/health`,
        expect.objectContaining({ method: 'GET' }),
      );
    } finally {
      globalFetch.mockRestore();
    }
  });
});
