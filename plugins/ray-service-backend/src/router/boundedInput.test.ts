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

import { Server } from 'node:http';
import request from 'supertest';
import {
  MLFLOW_ADDON,
  profileInput,
  templateDocument,
} from '../__testUtils__/fixtures';
import {
  callers,
  startRayServiceTestBackend,
} from '../__testUtils__/testBackend';

const BASE = '/api/ray-service';

/** `{ a: { a: { … 1 } } }`, `depth` objects deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

/** The same as JSON text, built without recursion (too deep for the test's own serializer). */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth - 1)}{"leaf":1}${'}'.repeat(depth - 1)}`;
}

/** A template document whose add-on's values are `valuesJson`, as JSON text. */
function documentWithValuesJson(valuesJson: string): string {
  return JSON.stringify(withAddonValues('VALUES')).replace(
    '"VALUES"',
    valuesJson,
  );
}

function withAddonValues(values: unknown) {
  const document = templateDocument();
  return {
    ...document,
    spec: {
      ...document.spec,
      addons: [{ ...MLFLOW_ADDON, values }],
    },
  };
}

/**
 * Requests as an admin to a backend of the describe block's own, started
 * before its tests.
 */
function adminOfOwnBackend() {
  let server: Server;
  beforeAll(async () => {
    ({ server } = await startRayServiceTestBackend());
  });
  return (method: 'post' | 'put' | 'get' | 'delete', path: string) =>
    request(server)
      [method](`${BASE}${path}`)
      .set('Authorization', callers.admin);
}

describe('bounded input', () => {
  const admin = adminOfOwnBackend();

  it('refuses Helm values nested deeper than 32 levels (400), at any depth', async () => {
    for (const depth of [33, 2_000, 20_000]) {
      const response = await admin('post', '/templates')
        .set('Content-Type', 'application/json')
        .send(documentWithValuesJson(nestedJson(depth)));
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        {
          field: 'spec.addons.0.values',
          message: 'nests deeper than 32 levels',
        },
      ]);
    }
    expect(
      (await admin('post', '/templates').send(withAddonValues(nested(32))))
        .status,
    ).toBe(201);
  });

  it('refuses a YAML alias bomb (400) without quoting it', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(
            98 + i,
          )} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    const response = await admin('post', '/templates')
      .set('Content-Type', 'application/yaml')
      .send(bomb);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^the body is not valid YAML: /,
    );
    expect(response.body.error.message).not.toContain('*a');
  });

  it('refuses tens of thousands of groups (400) with a short message', async () => {
    const groups = Array.from({ length: 20_000 }, (_, i) => `team-${i}`);
    const response = await admin('post', '/profiles').send(
      profileInput({ visibleTo: groups }),
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'visibleTo', message: 'name at most 100 groups' },
    ]);
    expect(response.text.length).toBeLessThan(1_000);
  });

  it('stores the most groups a profile may have', async () => {
    const groups = Array.from({ length: 100 }, (_, i) => `team-${i}`);
    const response = await admin('post', '/profiles').send(
      profileInput({ name: 'many', visibleTo: groups }),
    );
    expect(response.status).toBe(201);
    expect(response.body.visibleTo).toHaveLength(100);
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await admin('post', '/profiles').send(
      profileInput({ description: 'x'.repeat(1_100_000) }),
    );
    expect(response.status).toBe(413);
    expect(response.body.response).toEqual({ statusCode: 413 });
  });

  it('answers every hostile document up to 1 MB without a server error', async () => {
    const wide = Object.fromEntries(
      Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i]),
    );
    const bodies: Array<[string, string]> = [
      ['/templates', JSON.stringify(withAddonValues(wide))],
      ['/templates', documentWithValuesJson(nestedJson(100_000))],
      ['/templates', `${'['.repeat(500_000)}${']'.repeat(500_000)}`],
      [
        '/profiles',
        JSON.stringify(profileInput({ visibleTo: Array(40_000).fill('x') })),
      ],
      ['/profiles', JSON.stringify({ ...profileInput(), ...wide })],
    ];
    for (const [path, body] of bodies) {
      expect(body.length).toBeLessThanOrEqual(1_000_000);
      const response = await admin('post', path)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(response.status).toBeLessThan(500);
      expect(response.text.length).toBeLessThan(20_000);
    }
  });
});

describe('the HTTP edge', () => {
  const admin = adminOfOwnBackend();

  it('answers an undeclared method with 405 and what is allowed', async () => {
    const response = await admin('put', '/tenants/plan');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    // not GET /tenants/{name} with the reserved name
    expect((await admin('get', '/tenants/plan')).status).toBe(405);
    expect((await admin('post', '/tenants/plan')).status).not.toBe(405);
    expect((await admin('delete', '/profiles')).headers.allow).toBe(
      'GET, POST',
    );
  });

  it('answers a body of another content type with 415, not with missing fields', async () => {
    const response = await admin('post', '/profiles')
      .set('Content-Type', 'text/plain')
      .send('name: small');
    expect(response.status).toBe(415);
    expect(response.body.error.name).toBe('UnsupportedMediaTypeError');
  });

  it('refuses tenant names the routes use', async () => {
    const response = await admin('post', '/tenants').send({
      name: 'plan',
      owner: 'group:default/ml-team-alpha',
      profile: 'small',
      templateVersion: 'kuberay@1.0.0',
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'name', message: `must not be "plan": the API's routes use it` },
    ]);
  });

  it('names an invalid path parameter and body field alike', async () => {
    const response = await admin('post', '/tenants/BAD/upgrade').send({
      templateVersion: 3,
    });
    expect(response.status).toBe(400);
    expect(
      response.body.details.map((d: { field: string }) => d.field),
    ).toEqual(['name', 'templateVersion']);
  });

  it('answers bad percent-encoding with the usual details', async () => {
    const response = await admin('get', '/tenants/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'path', message: 'is not valid percent-encoding (RFC 3986)' },
    ]);
  });

  it.each(['0x10', '1e2', '5.0', ' 5', '0', '501', ''])(
    'refuses limit=%j',
    async limit => {
      const response = await admin(
        'get',
        `/profiles?limit=${encodeURIComponent(limit)}`,
      );
      expect(response.status).toBe(400);
    },
  );
});
