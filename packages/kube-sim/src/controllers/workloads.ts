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

import { b64, KubeObject, now } from '../util';
import { setCondition } from './conditions';
import { ControllerContext, updateOwnStatus } from './context';

/** Deployments and StatefulSets become available at once (there is no kubelet). */
export function reconcileDeployment(ctx: ControllerContext, obj: KubeObject) {
  const replicas = obj.spec?.replicas ?? 1;
  const name = obj.metadata.name;
  updateOwnStatus(ctx, obj, status => {
    const next: KubeObject = {
      ...status,
      observedGeneration: obj.metadata.generation ?? 1,
    };
    for (const k of [
      'replicas',
      'updatedReplicas',
      'readyReplicas',
      'availableReplicas',
    ]) {
      if (replicas > 0) next[k] = replicas;
      else delete next[k];
    }
    delete next.unavailableReplicas;
    setCondition(
      next,
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      'deployment',
    );
    setCondition(
      next,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${name}-5d4f8b9c7d" has successfully progressed.`,
      },
      'deployment',
    );
    return next;
  });
}

export function reconcileStatefulSet(ctx: ControllerContext, obj: KubeObject) {
  const replicas = obj.spec?.replicas ?? 1;
  const rev = `${obj.metadata.name}-7c9f6d5b8`;
  updateOwnStatus(ctx, obj, status => ({
    ...status,
    observedGeneration: obj.metadata.generation ?? 1,
    replicas,
    readyReplicas: replicas,
    currentReplicas: replicas,
    updatedReplicas: replicas,
    availableReplicas: replicas,
    currentRevision: rev,
    updateRevision: rev,
    collisionCount: 0,
  }));
}

/** cert-manager: issuers are ready; certificates are issued into their Secret at once. */
export function reconcileCertManager(ctx: ControllerContext, obj: KubeObject) {
  const gen = obj.metadata.generation ?? 1;
  if (obj.kind === 'Certificate') {
    const secretName = obj.spec?.secretName;
    if (secretName) {
      ctx.cluster.ensureObject({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        metadata: {
          name: secretName,
          namespace: obj.metadata.namespace,
          annotations: {
            'cert-manager.io/certificate-name': obj.metadata.name,
            'cert-manager.io/issuer-name': obj.spec?.issuerRef?.name ?? '',
            'cert-manager.io/issuer-kind':
              obj.spec?.issuerRef?.kind ?? 'Issuer',
          },
        },
        data: {
          'tls.crt': b64(
            '-----BEGIN CERTIFICATE-----\nkube-sim simulated certificate\n-----END CERTIFICATE-----\n',
          ),
          'tls.key': b64(
            '-----BEGIN PRIVATE KEY-----\nkube-sim simulated key\n-----END PRIVATE KEY-----\n',
          ),
          'ca.crt': b64(
            '-----BEGIN CERTIFICATE-----\nkube-sim simulated CA\n-----END CERTIFICATE-----\n',
          ),
        },
      });
    }
    updateOwnStatus(ctx, obj, status => {
      const next = { ...status };
      if (!next.notBefore) {
        const nb = new Date();
        next.notBefore = now();
        next.notAfter = `${new Date(nb.getTime() + 90 * 86400_000)
          .toISOString()
          .slice(0, 19)}Z`;
        next.renewalTime = `${new Date(nb.getTime() + 60 * 86400_000)
          .toISOString()
          .slice(0, 19)}Z`;
        next.revision = 1;
      }
      setCondition(next, {
        type: 'Ready',
        status: 'True',
        reason: 'Ready',
        message: 'Certificate is up to date and has not expired',
        observedGeneration: gen,
      });
      return next;
    });
    return;
  }
  // Issuer / ClusterIssuer
  const spec = obj.spec ?? {};
  let [reason, message] = ['IsReady', ''];
  if (spec.ca) [reason, message] = ['KeyPairVerified', 'Signing CA verified'];
  else if (spec.acme)
    [reason, message] = [
      'ACMEAccountRegistered',
      'The ACME account was registered with the ACME server',
    ];
  updateOwnStatus(ctx, obj, status => {
    const next = { ...status };
    setCondition(next, {
      type: 'Ready',
      status: 'True',
      reason,
      message,
      observedGeneration: gen,
    });
    return next;
  });
}
