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

import { parseAllDocuments } from 'yaml';
import {
  PLANNED_KINDS,
  RAY_WORKLOAD_KINDS,
  reconciledKinds,
  reconciledVerbs,
  apiGroupOf,
  deliveryControllerOf,
} from '../vocabulary';
import { minimalRbacYaml, rbacRules } from './rbac';
import { startTestCluster } from '../kubernetes/__testUtils__/kubeSim';

const allows = (
  rules: ReturnType<typeof rbacRules>,
  group: string,
  resource: string,
  verb: string,
) =>
  rules.some(
    r =>
      r.apiGroups?.includes(group) &&
      r.resources?.includes(resource) &&
      r.verbs.includes(verb),
  );

describe('rbacRules', () => {
  it.each(['flux', 'helmChart'] as const)(
    'covers every planned kind on a %s host',
    controller => {
      const rules = rbacRules(controller);
      for (const kind of PLANNED_KINDS) {
        const owner = deliveryControllerOf(kind);
        for (const verb of ['list', 'create', 'patch', 'delete']) {
          expect([
            kind.kind,
            verb,
            allows(rules, apiGroupOf(kind.apiVersion), kind.resource, verb),
          ]).toEqual([
            kind.kind,
            verb,
            (owner === undefined || owner === controller) &&
              reconciledVerbs(kind).includes(verb as 'delete'),
          ]);
        }
      }
    },
  );

  it('never grants deleting quotas and limit ranges: they go with their namespace', () => {
    const rules = rbacRules('flux');
    expect(allows(rules, '', 'resourcequotas', 'delete')).toBe(false);
    expect(allows(rules, '', 'limitranges', 'delete')).toBe(false);
    expect(allows(rules, '', 'namespaces', 'delete')).toBe(true);
  });

  it('grants the reads of preflight, capacity and status, and nothing cluster-admin-like', () => {
    const rules = rbacRules('helmChart');
    expect(allows(rules, '', 'nodes', 'list')).toBe(true);
    expect(allows(rules, '', 'secrets', 'get')).toBe(true);
    // the vcluster operator's pods synced to the host, on either host
    expect(allows(rules, '', 'pods', 'list')).toBe(true);
    expect(allows(rbacRules('flux'), '', 'pods', 'list')).toBe(true);
    expect(allows(rules, '', 'pods', 'get')).toBe(false);
    expect(allows(rules, '', 'pods', 'delete')).toBe(false);
    expect(allows(rules, 'batch', 'jobs', 'get')).toBe(true);
    expect(allows(rules, 'cert-manager.io', 'clusterissuers', 'get')).toBe(
      true,
    );
    expect(allows(rules, 'networking.k8s.io', 'ingressclasses', 'list')).toBe(
      true,
    );
    expect(allows(rules, 'storage.k8s.io', 'storageclasses', 'list')).toBe(
      true,
    );
    expect(
      allows(rules, 'batch', 'jobs', 'get') &&
        !allows(rbacRules('flux'), 'batch', 'jobs', 'get'),
    ).toBe(true);
    const everything = rules.flatMap(r => [
      ...(r.verbs ?? []),
      ...(r.resources ?? []),
      ...(r.apiGroups ?? []),
    ]);
    expect(everything).not.toContain('*');
    for (const verb of ['update', 'watch', 'bind', 'escalate', 'impersonate']) {
      expect(everything).not.toContain(verb);
    }
  });

  it.each(['flux', 'helmChart'] as const)(
    'grants what the Ray workload services do on a %s host, and no more',
    controller => {
      const rules = rbacRules(controller);
      const verbsOf = (group: string, resource: string) =>
        ['get', 'list', 'create', 'patch', 'update', 'delete', 'watch'].filter(
          verb => allows(rules, group, resource, verb),
        );
      for (const resource of ['rayclusters', 'rayjobs', 'rayservices']) {
        expect([resource, verbsOf('ray.io', resource)]).toEqual([
          resource,
          ['get', 'list', 'create', 'patch', 'delete'],
        ]);
      }
      expect(verbsOf('ray.io', 'raycronjobs')).toEqual([]);
      // the Ray dashboards: GET reads, POST stops a job
      expect(verbsOf('', 'services/proxy')).toEqual(['get', 'create']);
      // head Services vcluster synced to the host are found by label
      expect(verbsOf('', 'services')).toEqual(['list']);
      // Ray tokens: by name, or by vcluster's labels when its API is down
      expect(verbsOf('', 'secrets')).toEqual(['get', 'list']);
      expect(verbsOf('', 'pods')).toEqual(['list']);
      expect(verbsOf('', 'resourcequotas')).toEqual([
        'get',
        'list',
        'create',
        'patch',
      ]);
    },
  );

  it('grants watch on exactly the reconciled kinds when the backend watches', () => {
    const watched = (rules: ReturnType<typeof rbacRules>) =>
      rules
        .filter(r => r.verbs.includes('watch'))
        .flatMap(r =>
          (r.resources ?? []).map(res => `${r.apiGroups![0]}/${res}`),
        )
        .sort();
    expect(watched(rbacRules('flux'))).toEqual([]);
    expect(watched(rbacRules('flux', { watch: true }))).toEqual(
      reconciledKinds('flux')
        .map(k => `${apiGroupOf(k.apiVersion)}/${k.resource}`)
        .sort(),
    );
  });

  it('names resources as the API server does', async () => {
    const { sim, client } = await startTestCluster({
      controllers: { enabled: false },
    });
    const k3s = await startTestCluster({
      seedDeliveryController: 'k3s',
      controllers: { enabled: false },
    });
    try {
      for (const kind of [
        ...PLANNED_KINDS,
        ...Object.values(RAY_WORKLOAD_KINDS),
      ]) {
        const host =
          deliveryControllerOf(kind) === 'helmChart' ? k3s : { sim, client };
        host.sim.stats.reset();
        await host.client.list(kind.apiVersion, kind.kind);
        const resource = kind.resource;
        expect([
          kind.kind,
          host.sim.stats.count({ verb: 'list', resource }),
        ]).toEqual([kind.kind, 1]);
      }
    } finally {
      await sim.stop();
      await k3s.sim.stop();
    }
  });
});

describe('minimalRbacYaml', () => {
  it('is a ServiceAccount, a ClusterRole, a Role for Volcano Commands and their bindings, with the escalation note', () => {
    const yaml = minimalRbacYaml({
      serviceAccount: 'ray-service',
      namespace: 'backstage',
      deliveryController: 'flux',
    });
    const documents = parseAllDocuments(yaml).map(d => d.toJS());
    expect(documents.map(d => d.kind)).toEqual([
      'Namespace',
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'Role',
      'RoleBinding',
    ]);
    expect(documents[0].metadata).toEqual({ name: 'backstage' });
    expect(documents[2].rules).toEqual(rbacRules('flux'));
    expect(documents[4]).toMatchObject({
      metadata: { name: 'ray-service-backend', namespace: 'default' },
      rules: [
        {
          apiGroups: ['bus.volcano.sh'],
          resources: ['commands'],
          verbs: ['create', 'patch'],
        },
      ],
    });
    expect(documents[5]).toMatchObject({
      metadata: { namespace: 'default' },
      roleRef: { kind: 'Role', name: 'ray-service-backend' },
      subjects: [
        { kind: 'ServiceAccount', name: 'ray-service', namespace: 'backstage' },
      ],
    });
    expect(documents[3]).toMatchObject({
      roleRef: { kind: 'ClusterRole', name: 'ray-service-backend' },
      subjects: [
        { kind: 'ServiceAccount', name: 'ray-service', namespace: 'backstage' },
      ],
    });
    expect(yaml).toMatch(/^# Least-privilege RBAC/);
    expect(yaml).toContain('# Apply it with "kubectl apply -f".');
    // plain YAML: no anchors nor aliases, which some GitOps tools refuse
    expect(yaml).not.toMatch(/[&*][a-z]+\d*\s*$/m);
    expect(yaml).toContain(
      '# - The delivery controller is the real privilege.',
    );
  });

  it('passes kube-sim validation of RBAC objects', async () => {
    const { sim, client } = await startTestCluster({ seed: 'empty' });
    try {
      const yaml = minimalRbacYaml({
        serviceAccount: 'ray-service',
        namespace: 'default',
        deliveryController: 'helmChart',
      });
      for (const document of parseAllDocuments(yaml)) {
        await client.apply(document.toJS());
      }
      expect(
        sim.objects.get(
          'rbac.authorization.k8s.io/v1',
          'ClusterRole',
          'ray-service-backend',
        ),
      ).toBeDefined();
    } finally {
      await sim.stop();
    }
  });
});
