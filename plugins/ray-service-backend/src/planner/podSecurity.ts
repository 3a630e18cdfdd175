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

import type {
  PodSecurityLevel,
  TemplateVersion,
} from '@ray-service/plugin-ray-service-common';
import type {
  V1PodSecurityContext,
  V1SecurityContext,
} from '@kubernetes/client-node';

export type { PodSecurityLevel };

/**
 * The Pod Security Standard a tenant's namespace enforces: the template
 * version's `security.podSecurity`, by default `restricted`, or `baseline`
 * when the version installs add-ons (their charts' pods are not known to
 * pass `restricted`). Everything the planner configures itself — Ray pods,
 * the KubeRay operator, the vcluster control plane and its CoreDNS — passes
 * `restricted` (the real-Kubernetes suite admits them with `dryRun=All`).
 */
export function podSecurityLevel(
  template: Pick<TemplateVersion, 'addons' | 'security'>,
): PodSecurityLevel {
  return (
    template.security.podSecurity ??
    (template.addons.length > 0 ? 'baseline' : 'restricted')
  );
}

const RUNTIME_DEFAULT_SECCOMP = { type: 'RuntimeDefault' } as const;

/**
 * A container as PodSecurity `restricted` wants it: no privilege
 * escalation, no capabilities, not root, the runtime's seccomp profile,
 * and a read-only root filesystem where the image allows it.
 */
export function restrictedContainer(
  user?: { uid: number; gid: number },
  options: { readOnlyRootFilesystem?: boolean } = {},
): V1SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    ...(user ? { runAsUser: user.uid, runAsGroup: user.gid } : {}),
    ...(options.readOnlyRootFilesystem ? { readOnlyRootFilesystem: true } : {}),
    seccompProfile: { ...RUNTIME_DEFAULT_SECCOMP },
  };
}

/** A pod as PodSecurity `restricted` wants it; volumes owned by `user`'s group. */
export function restrictedPod(user?: {
  uid: number;
  gid: number;
}): V1PodSecurityContext {
  return {
    runAsNonRoot: true,
    ...(user
      ? { runAsUser: user.uid, runAsGroup: user.gid, fsGroup: user.gid }
      : {}),
    seccompProfile: { ...RUNTIME_DEFAULT_SECCOMP },
  };
}

/** The `ray` user of the rayproject/ray images (uid 1000, group `users`). */
export const RAY_USER = { uid: 1000, gid: 100 } as const;

/**
 * vcluster's documented non-root mode: its control plane runs as this user
 * and owns its data volume through `fsGroup`.
 */
export const VCLUSTER_USER = { uid: 12345, gid: 12345 } as const;

/** The security context of every Ray head and worker pod and container. */
export function raySecurity(): {
  pod: V1PodSecurityContext;
  container: V1SecurityContext;
} {
  return {
    pod: restrictedPod(RAY_USER),
    container: restrictedContainer(RAY_USER),
  };
}
