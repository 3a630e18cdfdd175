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

import { ServiceUnavailableError } from '@backstage/errors';
import {
  checkVersionSupport,
  HostClusterPreflight,
  PreflightStatus,
  VersionSupportMatrix,
} from '@ray-service/plugin-ray-service-common';
import {
  DeliveryController,
  PLANNED_KINDS,
  VOLCANO_COMMAND,
  DELIVERY_CONTROLLERS,
  deliveryKinds,
  HOST_READS,
} from '../vocabulary';
import { Fetched, fetched } from '../lib/fetched';
import { ObjectClient, ObservedObject } from '../kubernetes/ObjectClient';
import { findCondition } from '../kubernetes/objectConditions';

export type { PreflightStatus };

export type PreflightCheck = HostClusterPreflight['checks'][number];

/**
 * The checks and what was detected: the delivery controller, the
 * IngressClass tenants use (the default one, else the first) and the
 * StorageClass (likewise); \`passed\` when no check failed.
 */
export type PreflightResult = Omit<
  HostClusterPreflight,
  'hostCluster' | 'checkedAt'
>;

export interface ClassInfo {
  name: string;
  isDefault: boolean;
}

export interface ClusterIssuerInfo {
  name: string;
  ready: 'True' | 'False' | 'Unknown';
  message?: string;
}

/** What preflight reads from a host cluster; evaluated by {@link evaluatePreflight}. */
export interface PreflightFacts {
  /**
   * Why the API server is not usable at all (no answer, credentials
   * refused, 5xx on `/version`): nothing else was read, and preflight is one
   * failed `reachability` check instead of the same error in every check.
   */
  unusable?: string;
  kubernetesVersion: Fetched<string>;
  /** Served kinds by `apiVersion/kind`. */
  served: Record<string, Fetched<boolean>>;
  ingressClasses: Fetched<ClassInfo[]>;
  storageClasses: Fetched<ClassInfo[]>;
  /** Absent when no ClusterIssuer is configured; `undefined` value: not found. */
  clusterIssuer?: Fetched<ClusterIssuerInfo | undefined>;
}

export interface PreflightOptions {
  supportMatrix: VersionSupportMatrix;
  /** The ClusterIssuer tenants' TLS certificates come from. */
  clusterIssuer?: string;
}

interface KindRef {
  apiVersion: string;
  kind: string;
}

const VOLCANO_KINDS: KindRef[] = [
  ...PLANNED_KINDS.filter(k => k.kind === 'Queue'),
  // closing a queue before deleting it
  { apiVersion: VOLCANO_COMMAND.apiVersion, kind: VOLCANO_COMMAND.kind },
];
const CERT_MANAGER_KINDS: KindRef[] = [
  { apiVersion: 'cert-manager.io/v1', kind: 'Certificate' },
  HOST_READS.clusterIssuer,
];
const KUBERAY_KINDS: KindRef[] = ['RayCluster', 'RayJob', 'RayService'].map(
  kind => ({ apiVersion: 'ray.io/v1', kind }),
);
const CLASS_KINDS = {
  ingress: HOST_READS.ingressClasses,
  storage: HOST_READS.storageClasses,
};
const DEFAULT_CLASS_ANNOTATIONS = [
  'ingressclass.kubernetes.io/is-default-class',
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** Every kind whose presence preflight checks. */
export const PREFLIGHT_KINDS: readonly KindRef[] = [
  ...VOLCANO_KINDS,
  ...CERT_MANAGER_KINDS,
  ...DELIVERY_CONTROLLERS.flatMap(deliveryKinds),
  ...KUBERAY_KINDS,
];

const keyOf = (ref: KindRef) => `${ref.apiVersion}/${ref.kind}`;

function classInfo(object: ObservedObject): ClassInfo {
  const annotations = object.metadata.annotations ?? {};
  return {
    name: object.metadata.name,
    isDefault: DEFAULT_CLASS_ANNOTATIONS.some(a => annotations[a] === 'true'),
  };
}

function issuerInfo(
  object: ObservedObject | undefined,
): ClusterIssuerInfo | undefined {
  if (!object) {
    return undefined;
  }
  const ready = findCondition(object, 'Ready');
  return {
    name: object.metadata.name,
    ready: ready?.status ?? 'Unknown',
    ...(ready?.message ? { message: ready.message } : {}),
  };
}

/** Reads what preflight needs: discovery, classes, the ClusterIssuer, /version. */
export async function fetchPreflightFacts(
  client: ObjectClient,
  options: Pick<PreflightOptions, 'clusterIssuer'> = {},
): Promise<PreflightFacts> {
  let kubernetesVersion: Fetched<string>;
  try {
    kubernetesVersion = { value: await client.kubernetesVersion() };
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof ServiceUnavailableError) {
      const notRead = { error: 'not read: the API server is not usable' };
      return {
        unusable: message,
        kubernetesVersion: { error: message },
        served: {},
        ingressClasses: notRead,
        storageClasses: notRead,
      };
    }
    kubernetesVersion = { error: message };
  }
  const served: PreflightFacts['served'] = {};
  // One after the other: discovery is cached per apiVersion once it answers.
  for (const ref of PREFLIGHT_KINDS) {
    served[keyOf(ref)] = await fetched(() =>
      client.isServed(ref.apiVersion, ref.kind),
    );
  }
  const listClasses = (ref: KindRef) =>
    fetched(async () =>
      (await client.list(ref.apiVersion, ref.kind)).map(classInfo),
    );
  const { clusterIssuer } = options;
  const [ingressClasses, storageClasses, issuer] = await Promise.all([
    listClasses(CLASS_KINDS.ingress),
    listClasses(CLASS_KINDS.storage),
    clusterIssuer
      ? fetched(async () =>
          issuerInfo(
            await client.get(
              HOST_READS.clusterIssuer.apiVersion,
              HOST_READS.clusterIssuer.kind,
              undefined,
              clusterIssuer,
            ),
          ),
        )
      : undefined,
  ]);
  return {
    kubernetesVersion,
    served,
    ingressClasses,
    storageClasses,
    ...(issuer ? { clusterIssuer: issuer } : {}),
  };
}

/** Kinds of `refs` not served, or the first error met while finding out. */
function missingKinds(
  facts: PreflightFacts,
  refs: KindRef[],
): { missing: string[] } | { error: string } {
  const missing: string[] = [];
  for (const ref of refs) {
    const fact = facts.served[keyOf(ref)];
    if (!fact) {
      missing.push(keyOf(ref));
    } else if ('error' in fact) {
      return { error: fact.error };
    } else if (!fact.value) {
      missing.push(keyOf(ref));
    }
  }
  return { missing };
}

function kindsCheck(
  facts: PreflightFacts,
  name: string,
  refs: KindRef[],
  what: string,
  missingStatus: PreflightStatus = 'fail',
  consequence = '',
): PreflightCheck {
  const result = missingKinds(facts, refs);
  if ('error' in result) {
    return { name, status: 'fail', message: result.error };
  }
  if (result.missing.length) {
    return {
      name,
      status: missingStatus,
      message: `${what} missing: ${result.missing.join(
        ', ',
      )} not served${consequence}`,
    };
  }
  return {
    name,
    status: 'pass',
    message: `${what}: ${refs.map(ref => ref.kind).join(', ')} served`,
  };
}

function versionCheck(
  facts: PreflightFacts,
  matrix: VersionSupportMatrix,
): PreflightCheck {
  const name = 'kubernetes-version';
  if ('error' in facts.kubernetesVersion) {
    return { name, status: 'fail', message: facts.kubernetesVersion.error };
  }
  const support = checkVersionSupport(facts.kubernetesVersion.value, matrix);
  return {
    name,
    status: support.supported ? 'pass' : 'fail',
    message: support.reason,
  };
}

function deliveryCheck(facts: PreflightFacts): {
  check: PreflightCheck;
  deliveryController?: DeliveryController;
} {
  const name = 'delivery-controller';
  const checked = DELIVERY_CONTROLLERS.map(controller => ({
    controller,
    result: missingKinds(facts, deliveryKinds(controller)),
  }));
  const complete = checked.find(
    c => 'missing' in c.result && c.result.missing.length === 0,
  );
  if (complete) {
    return {
      deliveryController: complete.controller,
      check: {
        name,
        status: 'pass',
        message: `${complete.controller} detected: ${deliveryKinds(
          complete.controller,
        )
          .map(k => k.kind)
          .join(', ')} served`,
      },
    };
  }
  const failure = checked.find(c => 'error' in c.result);
  const message =
    failure && 'error' in failure.result
      ? failure.result.error
      : `no Helm delivery controller: ${checked
          .map(
            c =>
              `${c.controller} needs ${
                'missing' in c.result ? c.result.missing.join(', ') : ''
              }`,
          )
          .join('; ')}`;
  return { check: { name, status: 'fail', message } };
}

function classCheck(
  name: string,
  what: string,
  classes: Fetched<ClassInfo[]>,
): { check: PreflightCheck; className?: string } {
  if ('error' in classes) {
    return { check: { name, status: 'fail', message: classes.error } };
  }
  const sorted = [...classes.value].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const chosen = sorted.find(c => c.isDefault);
  if (chosen) {
    return {
      className: chosen.name,
      check: {
        name,
        status: 'pass',
        message: `default ${what} ${chosen.name}`,
      },
    };
  }
  if (sorted.length) {
    return {
      className: sorted[0].name,
      check: {
        name,
        status: 'warn',
        message: `no default ${what}; ${sorted[0].name} will be used`,
      },
    };
  }
  return { check: { name, status: 'fail', message: `no ${what} exists` } };
}

function issuerCheck(
  facts: PreflightFacts,
  configured: string | undefined,
): PreflightCheck {
  const name = 'cluster-issuer';
  if (!configured || !facts.clusterIssuer) {
    return {
      name,
      status: 'warn',
      message:
        'no ClusterIssuer configured: tenant dashboards cannot get TLS certificates',
    };
  }
  if ('error' in facts.clusterIssuer) {
    return { name, status: 'fail', message: facts.clusterIssuer.error };
  }
  const issuer = facts.clusterIssuer.value;
  if (!issuer) {
    return {
      name,
      status: 'fail',
      message: `ClusterIssuer ${configured} does not exist`,
    };
  }
  if (issuer.ready !== 'True') {
    return {
      name,
      status: 'fail',
      message: `ClusterIssuer ${configured} is not Ready${
        issuer.message ? `: ${issuer.message}` : ''
      }`,
    };
  }
  return {
    name,
    status: 'pass',
    message: `ClusterIssuer ${configured} is Ready`,
  };
}

/** Judges the facts of a host cluster. Pure. */
export function evaluatePreflight(
  facts: PreflightFacts,
  options: PreflightOptions,
): PreflightResult {
  if (facts.unusable) {
    return {
      checks: [
        { name: 'reachability', status: 'fail', message: facts.unusable },
      ],
      passed: false,
    };
  }
  const delivery = deliveryCheck(facts);
  const ingress = classCheck(
    'ingress-class',
    'IngressClass',
    facts.ingressClasses,
  );
  const storage = classCheck(
    'storage-class',
    'StorageClass',
    facts.storageClasses,
  );
  const checks = [
    versionCheck(facts, options.supportMatrix),
    kindsCheck(facts, 'volcano', VOLCANO_KINDS, 'Volcano'),
    kindsCheck(facts, 'cert-manager', CERT_MANAGER_KINDS, 'cert-manager'),
    delivery.check,
    ingress.check,
    storage.check,
    issuerCheck(facts, options.clusterIssuer),
    kindsCheck(
      facts,
      'kuberay-crds',
      KUBERAY_KINDS,
      'KubeRay CRDs',
      'warn',
      ': tenants can only use vcluster isolation',
    ),
  ];
  return {
    checks,
    ...(delivery.deliveryController
      ? { deliveryController: delivery.deliveryController }
      : {}),
    ...(ingress.className ? { ingressClassName: ingress.className } : {}),
    ...(storage.className ? { storageClassName: storage.className } : {}),
    passed: checks.every(check => check.status !== 'fail'),
  };
}

/** Preflight of a host cluster: {@link fetchPreflightFacts}, then {@link evaluatePreflight}. */
export async function preflight(
  client: ObjectClient,
  options: PreflightOptions,
): Promise<PreflightResult> {
  return evaluatePreflight(await fetchPreflightFacts(client, options), options);
}
