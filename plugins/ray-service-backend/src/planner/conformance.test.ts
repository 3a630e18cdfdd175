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

import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import type {
  ComputeProfile,
  IsolationMode,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import type { ValidateFunction } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { plan } from './';
import {
  DEFAULT_INSTANCE,
  PLANNED_KINDS,
  vclusterReleaseName,
  operatorReleaseName,
} from '../vocabulary';
import {
  CONFORMANCE_DIR,
  conformanceUnavailable,
  CrdValidators,
  crdValidators,
  describeErrors,
  kuberayOperatorValueKeys,
  vclusterValuesValidator,
} from './__testUtils__/conformance';
import { hostCluster } from './__testUtils__/fixtures';
import {
  shippedProfiles,
  shippedTemplateVersions,
} from './__testUtils__/shipped';
import { KUBERAY_RELEASE_IN_VCLUSTER } from './operatorRelease';
import type { HostClusterInput, PlannedObject } from './types';

/** client-node models of the core kinds a plan (or a vcluster manifest) holds. */
const CORE_MODELS: Record<string, string> = {
  'v1/Namespace': 'V1Namespace',
  'v1/ResourceQuota': 'V1ResourceQuota',
  'v1/LimitRange': 'V1LimitRange',
  'networking.k8s.io/v1/NetworkPolicy': 'V1NetworkPolicy',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'V1ClusterRole',
};

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

/** A manifest read into client-node's model and written back loses unknown fields. */
function roundTrip(object: unknown, model: string): unknown {
  const typed = ObjectSerializer.deserialize(json(object), model, '');
  return json(ObjectSerializer.serialize(typed, model, ''));
}

interface Case {
  profile: ComputeProfile;
  template: TemplateVersion;
  isolation: IsolationMode;
  host: HostClusterInput;
}

/** Host cluster variants: every delivery controller and every option that changes values. */
const HOST_CLUSTERS: Array<[string, HostClusterInput]> = [
  ['flux', hostCluster('flux')],
  ['helmChart', hostCluster('helmChart', { apiServerCidrs: ['10.0.0.1/32'] })],
  [
    'flux, vcluster API via ingress',
    hostCluster('flux', { vclusterApiExposure: 'ingress' }),
  ],
];

const cases: Array<[string, Case]> = shippedProfiles().flatMap(profile =>
  shippedTemplateVersions().flatMap(template =>
    template.isolationModes.flatMap(isolation =>
      HOST_CLUSTERS.map(([hostName, host]): [string, Case] => [
        `${profile.name} × ${template.name}@${template.version} × ${isolation} × ${hostName}`,
        { profile, template, isolation, host },
      ]),
    ),
  ),
);

interface Schemas {
  crds: CrdValidators;
  vclusterValues: ValidateFunction;
  kuberayValueKeys: Set<string>;
}

function loadSchemas(dir: string): Schemas {
  return {
    crds: crdValidators(dir),
    vclusterValues: vclusterValuesValidator(dir),
    kuberayValueKeys: kuberayOperatorValueKeys(dir),
  };
}

/** The values of a release, whether inline (Flux) or as YAML (HelmChart). */
function releaseValues(object: PlannedObject): Record<string, unknown> {
  const spec = object.spec as Record<string, any>;
  return object.kind === 'HelmRelease'
    ? spec.values ?? {}
    : parse(spec.valuesContent ?? '{}');
}

function checkCoreObject(object: unknown, key: string): string[] {
  const model = CORE_MODELS[key];
  if (!model) {
    return [`${key}: no schema to check it against`];
  }
  const problems: string[] = [];
  try {
    expect(roundTrip(object, model)).toEqual(json(object));
  } catch {
    problems.push(`${key}: fields unknown to ${model} (lost in a round trip)`);
  }
  return problems;
}

function checkObject(object: PlannedObject, schemas: Schemas): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  const validate = schemas.crds.get(key);
  const name = `${key} ${object.metadata.name}`;
  if (!validate) {
    return checkCoreObject(object, key);
  }
  const problems = validate(json(object))
    ? []
    : describeErrors(validate).map(error => `${name}: ${error}`);
  const spec = object.spec as Record<string, unknown>;
  // The HelmRelease CRD's CEL rule, which only an API server evaluates.
  if (object.kind === 'HelmRelease' && !spec.chart === !spec.chartRef) {
    problems.push(`${name}: either chart or chartRef must be set`);
  }
  return problems;
}

function checkVclusterValues(
  values: Record<string, any>,
  schemas: Schemas,
): string[] {
  const validate = schemas.vclusterValues;
  const problems = validate(values)
    ? []
    : describeErrors(validate).map(error => `vcluster values: ${error}`);
  const deploy = values.experimental?.deploy?.vcluster ?? {};
  for (const manifest of parseAllDocuments(deploy.manifests ?? '')) {
    const object = manifest.toJS();
    problems.push(
      ...checkCoreObject(object, `${object.apiVersion}/${object.kind}`),
    );
  }
  for (const helm of deploy.helm ?? []) {
    const inside = helm.values ? parse(helm.values) : {};
    if (typeof inside !== 'object' || Array.isArray(inside)) {
      problems.push(`values of ${helm.release.name} are not a YAML map`);
    }
    if (helm.release.name === KUBERAY_RELEASE_IN_VCLUSTER) {
      problems.push(...checkOperatorValues(inside, schemas));
    }
  }
  return problems;
}

function checkOperatorValues(
  values: Record<string, unknown>,
  schemas: Schemas,
): string[] {
  return Object.keys(values)
    .filter(key => !schemas.kuberayValueKeys.has(key))
    .map(key => `kuberay-operator values: unknown key "${key}"`);
}

interface PlanCheck {
  problems: string[];
  /** What was checked beyond the objects themselves. */
  checked: string[];
}

function checkPlan(c: Case, schemas: Schemas): PlanCheck {
  const tenant = 'conformance';
  const { objects } = plan({
    tenant: {
      name: tenant,
      owner: 'group:default/ml-teams',
      isolation: c.isolation,
    },
    profile: c.profile,
    templateVersion: c.template,
    hostCluster: c.host,
    instance: DEFAULT_INSTANCE,
  });
  const planned = objects as PlannedObject[];
  const problems = planned.flatMap(object => checkObject(object, schemas));
  const checked: string[] = [];
  for (const object of planned) {
    const release = object.metadata.name;
    if (!['HelmRelease', 'HelmChart'].includes(object.kind)) continue;
    if (release === vclusterReleaseName(tenant)) {
      checked.push('vcluster values');
      problems.push(...checkVclusterValues(releaseValues(object), schemas));
    }
    if (release === operatorReleaseName(tenant)) {
      checked.push('operator values');
      problems.push(...checkOperatorValues(releaseValues(object), schemas));
    }
  }
  const known = new Set(PLANNED_KINDS.map(k => `${k.apiVersion}/${k.kind}`));
  problems.push(
    ...planned
      .filter(o => !known.has(`${o.apiVersion}/${o.kind}`))
      .map(o => `${o.kind} is missing from PLANNED_KINDS`),
  );
  return { problems, checked };
}

describe('conformance with the official schemas', () => {
  const schemas = CONFORMANCE_DIR ? loadSchemas(CONFORMANCE_DIR) : undefined;

  it('covers every shipped profile × template version × isolation × host cluster', () => {
    // 4 profiles × (2 + 2 + 1 isolation modes) × 3 host cluster variants.
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const vclusterOverIngress = cases.filter(
      ([, c]) =>
        c.isolation === 'vcluster' && c.host.vclusterApiExposure === 'ingress',
    );
    expect(vclusterOverIngress.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (_, c) => {
    if (conformanceUnavailable()) return;
    const { problems, checked } = checkPlan(c, schemas!);
    expect(problems).toEqual([]);
    expect(checked).toEqual([
      c.isolation === 'vcluster' ? 'vcluster values' : 'operator values',
    ]);
  });

  describe('the checks themselves', () => {
    it('fail on CI when the schemas are missing, and only log elsewhere', () => {
      const log = jest.spyOn(console, 'log').mockImplementation(() => {});
      expect(() => conformanceUnavailable(null, { CI: 'true' })).toThrow(
        /conformance schemas were not found.*CI must run/,
      );
      expect(conformanceUnavailable(null, {})).toBe(true);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('Skipping'));
      expect(conformanceUnavailable('/some/dir', { CI: 'true' })).toBe(false);
      log.mockRestore();
    });

    it('reject a misspelt field of a custom resource', () => {
      if (conformanceUnavailable()) return;
      const release = {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'x', namespace: 'flux-system', labels: {} },
        spec: {
          interval: '10m',
          chartRef: { kind: 'OCIRepository', name: 'x' },
          targetNamespce: 'y',
        },
      };
      expect(checkObject(release, schemas!)).toEqual([
        expect.stringContaining('must NOT have additional properties'),
      ]);
    });

    it('reject values the vcluster chart does not have', () => {
      if (conformanceUnavailable()) return;
      expect(
        checkVclusterValues({ sync: { toHost: { pod: {} } } }, schemas!),
      ).toEqual([expect.stringContaining('/sync/toHost')]);
    });

    it('reject fields a core kind does not have', () => {
      if (conformanceUnavailable()) return;
      const namespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'x', labels: {} },
        spec: { finalizer: ['kubernetes'] },
      };
      expect(checkObject(namespace, schemas!)).toEqual([
        expect.stringContaining('V1Namespace'),
      ]);
    });

    it('reject operator values the chart does not take', () => {
      if (conformanceUnavailable()) return;
      expect(checkOperatorValues({ crd: { create: false } }, schemas!)).toEqual(
        ['kuberay-operator values: unknown key "crd"'],
      );
    });
  });
});
