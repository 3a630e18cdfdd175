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
  isTemplateVersionVisibleTo,
  newTemplateVersionSchema,
  securitySchema,
  addonSchema,
  templateVersionDocumentSchema,
  templateVersionFromDocument,
  templateVersionSchema,
} from './templates';

const spec = {
  kuberayVersion: '1.2.2',
  rayVersion: '2.40.0',
  vclusterChartVersion: '0.21.1',
  isolationModes: ['vcluster', 'namespace'],
  addons: [
    {
      name: 'jupyterlab',
      chart: {
        repository: 'https://jupyterhub.github.io/helm-chart',
        name: 'jupyterhub',
        version: '3.3.7',
      },
      namespace: 'notebooks',
      values: { singleuser: { image: { tag: 'lab-4.2' } } },
    },
    {
      name: 'mlflow',
      chart: {
        repository: 'oci://registry-1.docker.io/bitnamicharts',
        name: 'mlflow',
        version: '2.0.1',
      },
    },
  ],
  security: {
    networkPolicy: true,
    tls: true,
    imageRegistry: 'registry.example.com:5000/ray',
    gcsFaultTolerance: {
      redisAddress: 'redis.ray-system.svc:6379',
      passwordSecretRef: { name: 'redis-password', key: 'password' },
    },
  },
  changelog: 'Ray 2.40 and JupyterLab 4.2',
  sharedWith: ['group:default/ml-teams'],
};

const document = {
  apiVersion: 'ray-service.io/v1alpha1',
  kind: 'TenantTemplateVersion',
  metadata: { name: 'kuberay', version: '1.2.0' },
  spec,
};

function issuesOf(input: unknown) {
  return templateVersionDocumentSchema.safeParse(input).error?.issues;
}

function withSpec(change: Record<string, unknown>) {
  return { ...document, spec: { ...spec, ...change } };
}

describe('templateVersionDocumentSchema', () => {
  it('accepts a complete document', () => {
    expect(templateVersionDocumentSchema.parse(document)).toEqual(document);
  });

  it('fills in defaults for optional lists', () => {
    const { addons, sharedWith, changelog, ...required } = spec;
    expect(
      templateVersionDocumentSchema.parse({ ...document, spec: required }).spec,
    ).toEqual({
      ...required,
      addons: [],
      sharedWith: [],
      changelog: '',
    });
  });

  it.each([
    [{ apiVersion: 'ray-service.io/v1' }, ['apiVersion']],
    [{ kind: 'TenantTemplate' }, ['kind']],
    [
      { metadata: { name: 'kuberay', version: '1.2' } },
      ['metadata', 'version'],
    ],
    [{ metadata: { name: 'KubeRay', version: '1.2.0' } }, ['metadata', 'name']],
  ])('rejects %j at %j', (change, path) => {
    expect(issuesOf({ ...document, ...change })).toEqual([
      expect.objectContaining({ path }),
    ]);
  });

  it.each([
    [{ kuberayVersion: 'latest' }, ['spec', 'kuberayVersion']],
    [{ rayVersion: '2.40' }, ['spec', 'rayVersion']],
    [{ vclusterChartVersion: undefined }, ['spec', 'vclusterChartVersion']],
    [{ isolationModes: [] }, ['spec', 'isolationModes']],
    [{ isolationModes: ['vm'] }, ['spec', 'isolationModes', 0]],
    [
      { isolationModes: ['vcluster', 'vcluster'] },
      ['spec', 'isolationModes', 1],
    ],
    [{ addons: [spec.addons[1], spec.addons[1]] }, ['spec', 'addons', 1]],
    [{ sharedWith: ['user:default/jane'] }, ['spec', 'sharedWith', 0]],
    [{ state: 'deprecated' }, ['spec', 'state']],
    [{ isolationMode: ['vcluster'] }, ['spec']],
  ])('rejects spec %j at %j', (change, path) => {
    expect(issuesOf(withSpec(change))).toEqual([
      expect.objectContaining({ path }),
    ]);
  });

  it('reports misspelt keys', () => {
    expect(issuesOf(withSpec({ chnagelog: 'x' }))?.[0].message).toBe(
      'Unrecognized key: "chnagelog"',
    );
  });
});

describe('addonSchema', () => {
  const addon = spec.addons[0];

  it.each([
    'https://charts.example.com',
    'oci://ghcr.io/example/charts',
    'https://example.com:8443/charts/',
  ])('accepts repository %s', repository => {
    expect(
      addonSchema.safeParse({ ...addon, chart: { ...addon.chart, repository } })
        .success,
    ).toBe(true);
  });

  it.each([
    'http://charts.example.com',
    'charts.example.com',
    'oci://',
    'file:///charts',
    'https://',
  ])('rejects repository %s', repository => {
    expect(
      addonSchema.safeParse({ ...addon, chart: { ...addon.chart, repository } })
        .error?.issues,
    ).toEqual([
      expect.objectContaining({
        path: ['chart', 'repository'],
        message:
          'must be an https:// or oci:// URL, e.g. "oci://ghcr.io/example/charts"',
      }),
    ]);
  });

  it.each([
    [{ name: 'Jupyter Lab' }, ['name']],
    [{ namespace: 'Notebooks' }, ['namespace']],
    [{ values: ['a'] }, ['values']],
    [{ chart: { ...addon.chart, version: '^3.0.0' } }, ['chart', 'version']],
    [{ chart: { ...addon.chart, name: '' } }, ['chart', 'name']],
  ])('rejects %j at %j', (change, path) => {
    expect(
      addonSchema.safeParse({ ...addon, ...change }).error?.issues,
    ).toEqual([expect.objectContaining({ path })]);
  });
});

describe('securitySchema', () => {
  const minimal = { networkPolicy: false, tls: false };

  it('needs only the switches', () => {
    expect(securitySchema.parse(minimal)).toEqual(minimal);
  });

  it.each([
    'registry.example.com',
    'registry.example.com:5000',
    'registry.example.com/team/ray',
    '10.0.0.1:5000/ray',
    'localhost:5000',
  ])('accepts image registry %s', imageRegistry => {
    expect(
      securitySchema.safeParse({ ...minimal, imageRegistry }).success,
    ).toBe(true);
  });

  it.each([
    'https://registry.example.com',
    'registry.example.com:99999',
    'registry.example.com/Team',
    'registry..com',
    '',
  ])('rejects image registry %j', imageRegistry => {
    expect(
      securitySchema.safeParse({ ...minimal, imageRegistry }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ['imageRegistry'] })]);
  });

  it.each([
    ['redis:6379', true],
    ['10.1.2.3:6380', true],
    ['[fd00::1]:6379', true],
    ['redis', false],
    ['redis:0', false],
    ['redis://redis:6379', false],
  ])('checks redis address %s', (redisAddress, valid) => {
    const gcsFaultTolerance = {
      ...spec.security.gcsFaultTolerance,
      redisAddress,
    };
    expect(
      securitySchema.safeParse({ ...minimal, gcsFaultTolerance }).success,
    ).toBe(valid);
  });

  it('checks the password secret reference', () => {
    const gcsFaultTolerance = {
      redisAddress: 'redis:6379',
      passwordSecretRef: { name: 'Redis_Password', key: 'pass word' },
    };
    expect(
      securitySchema.safeParse({ ...minimal, gcsFaultTolerance }).error?.issues,
    ).toEqual([
      expect.objectContaining({
        path: ['gcsFaultTolerance', 'passwordSecretRef', 'name'],
      }),
      expect.objectContaining({
        path: ['gcsFaultTolerance', 'passwordSecretRef', 'key'],
      }),
    ]);
  });
});

describe('templateVersionFromDocument', () => {
  it('imports as draft by default', () => {
    const version = templateVersionFromDocument(
      templateVersionDocumentSchema.parse(document),
    );
    expect(version).toEqual({
      name: 'kuberay',
      version: '1.2.0',
      ...spec,
      state: 'draft',
    });
    expect(newTemplateVersionSchema.parse(version)).toEqual(version);
  });

  it('imports as published when the document says so', () => {
    const parsed = templateVersionDocumentSchema.parse(
      withSpec({ state: 'published' }),
    );
    expect(templateVersionFromDocument(parsed).state).toBe('published');
  });
});

describe('templateVersionSchema', () => {
  it('adds audit fields and takes every state', () => {
    const stored = {
      name: 'kuberay',
      version: '1.2.0',
      ...spec,
      state: 'deprecated',
      createdAt: '2025-01-15T10:00:00Z',
      updatedAt: '2025-01-15T10:00:00Z',
      createdBy: 'user:default/admin',
    };
    expect(templateVersionSchema.parse(stored)).toEqual(stored);
    expect(
      templateVersionSchema.safeParse({ ...stored, state: 'archived' }).success,
    ).toBe(false);
  });
});

describe('isTemplateVersionVisibleTo', () => {
  const parentsOf = (ref: string) =>
    ref === 'group:default/ml-team-alpha' ? ['group:default/ml-teams'] : [];
  const user = ['user:default/jane', 'group:default/ml-team-alpha'];
  const sharedWith = ['group:default/ml-teams'];

  it.each([
    ['published', true],
    ['deprecated', true],
    ['draft', false],
    ['retired', false],
  ] as const)(
    'a %s version shared with a parent group: %s',
    (state, visible) => {
      expect(
        isTemplateVersionVisibleTo({ state, sharedWith }, user, parentsOf),
      ).toBe(visible);
    },
  );

  it('hides versions not shared with the user', () => {
    expect(
      isTemplateVersionVisibleTo(
        { state: 'published', sharedWith: ['group:default/data-eng'] },
        user,
        parentsOf,
      ),
    ).toBe(false);
    expect(
      isTemplateVersionVisibleTo(
        { state: 'published', sharedWith: [] },
        user,
        parentsOf,
      ),
    ).toBe(false);
  });
});
