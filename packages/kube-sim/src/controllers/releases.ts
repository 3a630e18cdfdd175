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

import { createHash } from 'node:crypto';
import YAML from 'yaml';
import type { ClusterObjects } from '../cluster/objects';
import { mergePatch } from '../patch';
import { b64, isPlainObject, KubeObject, now } from '../util';
import { kubeconfigYaml } from '../kubeconfig';
import { getCondition, removeCondition, setCondition } from './conditions';
import {
  ControllerContext,
  keyOf,
  ObjectRef,
  ownerRef,
  phaseElapsed,
  TrackedRelease,
  updateOwnStatus,
} from './context';
import {
  ensureDeploymentPod,
  simulatedNodeName,
  syncToHost,
  watchVClusterWorkloads,
} from './vclusterSync';

const SOURCE_GROUP = 'source.toolkit.fluxcd.io';
const SOURCE_RESOURCES: Record<string, string> = {
  HelmRepository: 'helmrepositories',
  OCIRepository: 'ocirepositories',
  GitRepository: 'gitrepositories',
  Bucket: 'buckets',
  HelmChart: 'helmcharts',
};

/** What a HelmRelease or HelmChart asks for, in one shape. */
export interface ReleaseInfo {
  key: string;
  chart: string;
  version: string;
  targetNamespace: string;
  releaseName: string;
  values: KubeObject;
  createNamespace: boolean;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** `oci://ghcr.io/loft-sh/charts/vcluster` → `vcluster`; `https://x/vcluster-0.36.1.tgz` → `vcluster`. */
export function chartNameFromUrl(url: string): string {
  const last = url.replace(/\/+$/, '').split('/').pop() ?? url;
  return last
    .replace(/\.tgz$/, '')
    .replace(/-v?\d+\.\d+\.\d+.*$/, '')
    .replace(/:.*$/, '');
}

function sourceExists(
  ctx: ControllerContext,
  kind: string,
  name: string,
  ns: string,
): boolean {
  const resource = SOURCE_RESOURCES[kind] ?? '';
  const t = ctx.cluster.registry.getByResource(SOURCE_GROUP, resource);
  return Boolean(t && ctx.cluster.store.get(t, ns, name));
}

function sourceObject(
  ctx: ControllerContext,
  resource: string,
  name: string,
  ns: string,
): KubeObject | undefined {
  const t = ctx.cluster.registry.getByResource(SOURCE_GROUP, resource);
  return t ? ctx.cluster.store.get(t, ns, name)?.obj : undefined;
}

function valuesFrom(ctx: ControllerContext, hr: KubeObject): KubeObject {
  let values: KubeObject = {};
  for (const ref of hr.spec?.valuesFrom ?? []) {
    const kind = ref.kind === 'Secret' ? 'Secret' : 'ConfigMap';
    const src = ctx.cluster.getObject(
      'v1',
      kind,
      hr.metadata.namespace,
      ref.name,
    );
    const key = ref.valuesKey ?? 'values.yaml';
    let text = kind === 'Secret' ? src?.data?.[key] : src?.data?.[key];
    if (text === undefined) continue;
    if (kind === 'Secret')
      text = Buffer.from(String(text), 'base64').toString('utf8');
    try {
      const parsed = YAML.parse(String(text));
      if (ref.targetPath) {
        values = mergePatch(
          values,
          setDotted({}, ref.targetPath, parsed),
        ) as KubeObject;
      } else if (isPlainObject(parsed)) {
        values = mergePatch(values, parsed) as KubeObject;
      }
    } catch {
      // invalid values are ignored here (Flux would fail the release)
    }
  }
  return mergePatch(values, hr.spec?.values ?? {}) as KubeObject;
}

function setDotted(
  target: KubeObject,
  path: string,
  value: unknown,
): KubeObject {
  const parts = path.split('.');
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(cur[p])) cur[p] = {};
    cur = cur[p];
  }
  cur[parts[parts.length - 1]] = value;
  return target;
}

// ---------------------------------------------------------------------------
// Flux source-controller

export function reconcileFluxSource(ctx: ControllerContext, obj: KubeObject) {
  const gen = obj.metadata.generation ?? 1;
  const isOci = obj.kind === 'OCIRepository';
  const tag = obj.spec?.ref?.tag ?? obj.spec?.ref?.semver ?? 'latest';
  const digest = `sha256:${sha256(`${obj.spec?.url}@${tag}`)}`;
  updateOwnStatus(ctx, obj, status => {
    const next: KubeObject = { ...status, observedGeneration: gen };
    if (obj.spec?.type === 'oci' && !isOci) {
      setCondition(next, {
        type: 'Ready',
        status: 'True',
        reason: 'Succeeded',
        message: 'Helm repository is ready',
        observedGeneration: gen,
      });
      return next;
    }
    const revision = isOci ? `${tag}@${digest}` : digest;
    next.url = obj.spec?.url;
    next.artifact = {
      digest,
      lastUpdateTime:
        status.artifact?.revision === revision
          ? status.artifact.lastUpdateTime
          : now(),
      path: `${obj.kind.toLowerCase()}/${obj.metadata.namespace}/${
        obj.metadata.name
      }/${digest.slice(7, 19)}.tar.gz`,
      revision,
      size: 4096,
      url: `http://source-controller.flux-system.svc.objects.local./${obj.kind.toLowerCase()}/${
        obj.metadata.namespace
      }/${obj.metadata.name}/${digest.slice(7, 19)}.tar.gz`,
    };
    const message = isOci
      ? `stored artifact for digest '${revision}'`
      : `stored artifact: revision '${revision}'`;
    for (const type of ['Ready', 'ArtifactInStorage']) {
      setCondition(next, {
        type,
        status: 'True',
        reason: 'Succeeded',
        message,
        observedGeneration: gen,
      });
    }
    return next;
  });
}

// ---------------------------------------------------------------------------
// Flux helm-controller

function helmReleaseInfo(
  ctx: ControllerContext,
  hr: KubeObject,
): ReleaseInfo & { sourceError?: string; helmChart?: string } {
  const ns = hr.metadata.namespace;
  const targetNamespace = hr.spec?.targetNamespace ?? ns;
  const releaseName =
    hr.spec?.releaseName ??
    (hr.spec?.targetNamespace
      ? `${hr.spec.targetNamespace}-${hr.metadata.name}`
      : hr.metadata.name);
  const base = {
    key: `HelmRelease:${ns}/${hr.metadata.name}`,
    targetNamespace,
    releaseName: releaseName.slice(0, 53),
    values: valuesFrom(ctx, hr),
    createNamespace: Boolean(hr.spec?.install?.createNamespace),
  };
  const chartRef = hr.spec?.chartRef;
  if (chartRef) {
    const srcNs = chartRef.namespace ?? ns;
    const resource =
      chartRef.kind === 'OCIRepository' ? 'ocirepositories' : 'helmcharts';
    const src = sourceObject(ctx, resource, chartRef.name, srcNs);
    if (!src) {
      return {
        ...base,
        chart: '',
        version: '',
        sourceError: `could not get Source object: ${chartRef.kind}.${SOURCE_GROUP} "${chartRef.name}" not found`,
      };
    }
    const chart =
      chartRef.kind === 'OCIRepository'
        ? chartNameFromUrl(String(src.spec?.url ?? ''))
        : String(src.spec?.chart ?? '');
    const version =
      src.spec?.ref?.tag ??
      src.spec?.ref?.semver ??
      src.spec?.version ??
      'latest';
    return { ...base, chart, version };
  }
  const tpl = hr.spec?.chart?.spec ?? {};
  const sourceRef = tpl.sourceRef ?? {};
  const srcNs = sourceRef.namespace ?? ns;
  const helmChart = `${srcNs}/${ns}-${hr.metadata.name}`;
  const chart = String(tpl.chart ?? '');
  const version = String(tpl.version ?? '*');
  if (
    !sourceExists(
      ctx,
      String(sourceRef.kind ?? 'HelmRepository'),
      String(sourceRef.name ?? ''),
      srcNs,
    )
  ) {
    return {
      ...base,
      chart,
      version,
      helmChart,
      sourceError: `HelmChart '${helmChart}' is not ready: failed to get source: ${
        sourceRef.kind ?? 'HelmRepository'
      }.${SOURCE_GROUP} "${sourceRef.name}" not found`,
    };
  }
  return { ...base, chart, version, helmChart };
}

/**
 * Whether the release's target namespace is there, creating it first when the
 * release asks for that (`createNamespace`).
 */
function ensureTargetNamespace(
  ctx: ControllerContext,
  info: ReleaseInfo,
): boolean {
  if (ctx.cluster.namespaceExists(info.targetNamespace)) return true;
  if (!info.createNamespace) return false;
  ctx.cluster.ensureObject({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: info.targetNamespace },
  });
  return true;
}

export function reconcileHelmRelease(
  ctx: ControllerContext,
  hr: KubeObject,
): number | void {
  if (hr.metadata.deletionTimestamp || hr.spec?.suspend) return undefined;
  const gen = hr.metadata.generation ?? 1;
  const info = helmReleaseInfo(ctx, hr);
  const key = keyOf('helm.toolkit.fluxcd.io', 'helmreleases', hr);
  ctx.blocked.delete(key);
  const update = (fn: (s: KubeObject) => void) =>
    updateOwnStatus(ctx, hr, s => {
      const next = { ...s };
      fn(next);
      return next;
    });

  if (info.sourceError) {
    update(s => {
      s.observedGeneration = gen;
      s.lastAttemptedGeneration = gen;
      setCondition(s, {
        type: 'Ready',
        status: 'False',
        reason: 'ArtifactFailed',
        message: info.sourceError!,
        observedGeneration: gen,
      });
      removeCondition(s, 'Reconciling');
    });
    ctx.blocked.add(key);
    return Math.max(ctx.settings.readyDelayMs, 1000);
  }
  if (!ensureTargetNamespace(ctx, info)) {
    update(s => {
      s.observedGeneration = gen;
      s.lastAttemptedGeneration = gen;
      const msg = `Helm install failed for release ${info.targetNamespace}/${info.releaseName} with chart ${info.chart}@${info.version}: create: failed to create: namespaces "${info.targetNamespace}" not found`;
      for (const type of ['Ready', 'Released']) {
        setCondition(s, {
          type,
          status: 'False',
          reason: 'InstallFailed',
          message: msg,
          observedGeneration: gen,
        });
      }
      removeCondition(s, 'Reconciling');
    });
    ctx.blocked.add(key);
    return Math.max(ctx.settings.readyDelayMs, 1000);
  }
  const status = hr.status ?? {};
  const ready = getCondition(hr, 'Ready');
  if (
    status.observedGeneration === gen &&
    ready?.status === 'True' &&
    status.lastAttemptedGeneration === gen
  ) {
    installRelease(ctx, info, hr);
    return undefined;
  }
  const history: KubeObject[] = Array.isArray(status.history)
    ? status.history
    : [];
  const isUpgrade = history.length > 0;
  const elapsed = phaseElapsed(ctx, key, gen);
  if (elapsed < ctx.settings.readyDelayMs) {
    update(s => {
      const msg = isUpgrade
        ? "Running 'upgrade' action with timeout of 5m0s"
        : 'Fresh install in progress';
      setCondition(s, {
        type: 'Reconciling',
        status: 'True',
        reason: 'Progressing',
        message: msg,
        observedGeneration: gen,
      });
      setCondition(s, {
        type: 'Ready',
        status: 'Unknown',
        reason: 'Progressing',
        message: msg,
        observedGeneration: gen,
      });
      s.lastAttemptedGeneration = gen;
      s.lastAttemptedRevision = info.version;
      s.lastAttemptedReleaseAction = isUpgrade ? 'upgrade' : 'install';
      if (info.helmChart) s.helmChart = info.helmChart;
    });
    return ctx.settings.readyDelayMs - elapsed;
  }

  installRelease(ctx, info, hr);
  const configDigest = `sha256:${sha256(JSON.stringify(info.values))}`;
  const version = (history[0]?.version ?? 0) + 1;
  const action = isUpgrade ? 'upgrade' : 'install';
  const reason = isUpgrade ? 'UpgradeSucceeded' : 'InstallSucceeded';
  const message = `Helm ${action} succeeded for release ${info.targetNamespace}/${info.releaseName}.v${version} with chart ${info.chart}@${info.version}`;
  update(s => {
    const t = now();
    const entry = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      name: info.releaseName,
      namespace: info.targetNamespace,
      version,
      status: 'deployed',
      chartName: info.chart,
      chartVersion: info.version,
      appVersion: info.version,
      configDigest,
      digest: `sha256:${sha256(`${info.releaseName}.v${version}`)}`,
      firstDeployed: history[history.length - 1]?.firstDeployed ?? t,
      lastDeployed: t,
    };
    s.history = [
      entry,
      ...history.map(h => ({ ...h, status: 'superseded' })),
    ].slice(0, 5);
    s.observedGeneration = gen;
    s.lastAttemptedGeneration = gen;
    s.lastAttemptedRevision = info.version;
    s.lastAttemptedConfigDigest = configDigest;
    s.lastAttemptedReleaseAction = action;
    s.storageNamespace = info.targetNamespace;
    if (info.helmChart) s.helmChart = info.helmChart;
    s.failures = 0;
    removeCondition(s, 'Reconciling');
    setCondition(s, {
      type: 'Ready',
      status: 'True',
      reason,
      message,
      observedGeneration: gen,
    });
    setCondition(s, {
      type: 'Released',
      status: 'True',
      reason,
      message,
      observedGeneration: gen,
    });
  });
  ctx.progress.delete(key);
  return undefined;
}

// ---------------------------------------------------------------------------
// k3s / RKE2 helm-controller

function helmChartInfo(hc: KubeObject): ReleaseInfo {
  const spec = hc.spec ?? {};
  let values: KubeObject = {};
  if (spec.valuesContent) {
    try {
      const parsed = YAML.parse(String(spec.valuesContent));
      if (isPlainObject(parsed)) values = parsed;
    } catch {
      // ignored like a broken values file would be reported by the job
    }
  }
  for (const [k, v] of Object.entries(spec.set ?? {})) setDotted(values, k, v);
  return {
    key: `HelmChart:${hc.metadata.namespace}/${hc.metadata.name}`,
    chart: chartNameFromUrl(String(spec.chart ?? '')),
    version: String(spec.version ?? 'latest'),
    targetNamespace: spec.targetNamespace ?? hc.metadata.namespace,
    releaseName: hc.metadata.name,
    values,
    createNamespace: Boolean(spec.createNamespace),
  };
}

export function reconcileHelmChart(
  ctx: ControllerContext,
  hc: KubeObject,
): number | void {
  if (hc.metadata.deletionTimestamp) return undefined;
  const ns = hc.metadata.namespace;
  const name = hc.metadata.name;
  const info = helmChartInfo(hc);
  const jobName = `helm-install-${name}`;
  const hash = `SHA256=${sha256(JSON.stringify(hc.spec ?? {})).toUpperCase()}`;
  const key = keyOf('helm.cattle.io', 'helmcharts', hc);
  ctx.blocked.delete(key);
  let job = ctx.cluster.getObject('batch/v1', 'Job', ns, jobName);
  if (
    job &&
    job.metadata.annotations?.['helmcharts.helm.cattle.io/configHash'] !== hash
  ) {
    ctx.cluster.deleteObject('batch/v1', 'Job', ns, jobName);
    job = undefined;
  }
  if (!job) {
    job = ctx.cluster.putObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: ns,
        labels: { 'helmcharts.helm.cattle.io/chart': name },
        annotations: { 'helmcharts.helm.cattle.io/configHash': hash },
        ownerReferences: [ownerRef(hc)],
      },
      spec: {
        backoffLimit: 1000,
        template: {
          metadata: { labels: { 'helmcharts.helm.cattle.io/chart': name } },
          spec: {
            restartPolicy: 'OnFailure',
            containers: [
              {
                name: 'helm',
                image: 'rancher/klipper-helm:v0.9.4-build20250113',
                args: ['install'],
              },
            ],
          },
        },
      },
      status: { active: 1, startTime: now() },
    });
  }
  updateOwnStatus(ctx, hc, s => {
    const next = { ...s, jobName };
    setCondition(next, {
      type: 'JobCreated',
      status: 'True',
      reason: 'Job created',
      message: `Applying HelmChart using Job ${ns}/${jobName}`,
    });
    removeCondition(next, 'Failed');
    return next;
  });
  if (job.status?.succeeded) {
    installRelease(ctx, info, hc);
    return undefined;
  }
  const elapsed = phaseElapsed(ctx, key, hc.metadata.generation ?? 1);
  if (elapsed < ctx.settings.readyDelayMs)
    return ctx.settings.readyDelayMs - elapsed;
  if (!ensureTargetNamespace(ctx, info)) {
    ctx.cluster.updateStatus('batch/v1', 'Job', ns, jobName, s => ({
      ...s,
      active: 1,
      failed: 1,
    }));
    updateOwnStatus(ctx, hc, s => {
      const next = { ...s };
      setCondition(next, {
        type: 'Failed',
        status: 'True',
        reason: 'Job failed',
        message: `namespaces "${info.targetNamespace}" not found`,
      });
      return next;
    });
    ctx.blocked.add(key);
    return Math.max(ctx.settings.readyDelayMs, 1000);
  }
  installRelease(ctx, info, hc);
  ctx.cluster.updateStatus('batch/v1', 'Job', ns, jobName, s => {
    const t = now();
    const next: KubeObject = {
      startTime: s.startTime ?? t,
      completionTime: t,
      succeeded: 1,
      ready: 0,
      terminating: 0,
    };
    setCondition(next, {
      type: 'SuccessCriteriaMet',
      status: 'True',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    setCondition(next, {
      type: 'Complete',
      status: 'True',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    return next;
  });
  ctx.progress.delete(key);
  return undefined;
}

// ---------------------------------------------------------------------------
// What a release installs

function helmMeta(
  info: ReleaseInfo,
  labels: Record<string, string> = {},
): KubeObject {
  return {
    labels: {
      'app.kubernetes.io/managed-by': 'Helm',
      'app.kubernetes.io/instance': info.releaseName,
      ...labels,
    },
    annotations: {
      'meta.helm.sh/release-name': info.releaseName,
      'meta.helm.sh/release-namespace': info.targetNamespace,
    },
  };
}

export function kuberayOperatorDeployment(
  namespace: string,
  releaseName: string,
  version: string,
  meta?: KubeObject,
): KubeObject {
  const labels = {
    'app.kubernetes.io/name': 'kuberay-operator',
    'app.kubernetes.io/instance': releaseName,
  };
  const image = `quay.io/kuberay/operator:${
    version.startsWith('v') ? version : `v${version}`
  }`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'kuberay-operator',
      namespace,
      labels: {
        ...(meta?.labels ?? {}),
        ...labels,
        'helm.sh/chart': `kuberay-operator-${version.replace(/^v/, '')}`,
      },
      ...(meta?.annotations ? { annotations: meta.annotations } : {}),
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: 'kuberay-operator',
          containers: [
            {
              name: 'kuberay-operator',
              image,
              args: ['--feature-gates=RayClusterStatusConditions=true'],
            },
          ],
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastUpdateTime: now(),
          lastTransitionTime: now(),
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: now(),
          lastTransitionTime: now(),
          reason: 'NewReplicaSetAvailable',
          message:
            'ReplicaSet "kuberay-operator-6b8f7d9c5" has successfully progressed.',
        },
      ],
    },
  };
}

function track(tr: TrackedRelease, ref: ObjectRef) {
  if (
    !tr.objects.some(
      o =>
        o.apiVersion === ref.apiVersion &&
        o.kind === ref.kind &&
        o.namespace === ref.namespace &&
        o.name === ref.name,
    )
  ) {
    tr.objects.push(ref);
  }
}

/** Installs (idempotently) what the chart of a release brings: a vcluster, a KubeRay operator. */
export function installRelease(
  ctx: ControllerContext,
  info: ReleaseInfo,
  owner: KubeObject,
) {
  let tr = ctx.releases.get(info.key);
  if (
    !tr ||
    tr.targetNamespace !== info.targetNamespace ||
    tr.releaseName !== info.releaseName
  ) {
    if (tr) teardownRelease(ctx, info.key);
    tr = {
      targetNamespace: info.targetNamespace,
      releaseName: info.releaseName,
      objects: [],
    };
    ctx.releases.set(info.key, tr);
  }
  if (!ctx.cluster.namespaceExists(info.targetNamespace)) return;
  const chart = info.chart;
  if (chart === 'vcluster' && ctx.deps.vclusterHost) {
    const host = ctx.deps.vclusterHost;
    const vc = host.ensureVCluster(info.targetNamespace, info.releaseName);
    tr.vcluster = { namespace: info.targetNamespace, name: info.releaseName };
    const meta = helmMeta(info, { app: 'vcluster', release: info.releaseName });
    const secretName = `vc-${info.releaseName}`;
    const config = kubeconfigYaml({
      server: vc.url,
      caData: host.caData,
      token: vc.token,
      name: `vcluster_${info.releaseName}_${info.targetNamespace}`,
    });
    const existing = ctx.cluster.getObject(
      'v1',
      'Secret',
      info.targetNamespace,
      secretName,
    );
    const data = {
      config: b64(config),
      'certificate-authority': b64(host.caPem),
      token: b64(vc.token),
    };
    if (!existing || existing.data?.config !== data.config) {
      ctx.cluster.putObject({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: {
          name: secretName,
          namespace: info.targetNamespace,
          ...meta,
        },
        data,
      });
    }
    track(tr, {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: info.targetNamespace,
      name: secretName,
    });
    ctx.cluster.ensureObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: info.releaseName,
        namespace: info.targetNamespace,
        ...meta,
      },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'vcluster', release: info.releaseName },
        ports: [
          { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' },
        ],
      },
    });
    track(tr, {
      apiVersion: 'v1',
      kind: 'Service',
      namespace: info.targetNamespace,
      name: info.releaseName,
    });
    const labels = { app: 'vcluster', release: info.releaseName };
    ctx.cluster.ensureObject({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {
        name: info.releaseName,
        namespace: info.targetNamespace,
        ...meta,
      },
      spec: {
        replicas: 1,
        serviceName: `${info.releaseName}-headless`,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'syncer',
                image: `ghcr.io/loft-sh/vcluster-pro:${info.version.replace(
                  /^v/,
                  '',
                )}`,
              },
            ],
          },
        },
      },
      status: {
        replicas: 1,
        readyReplicas: 1,
        currentReplicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
        observedGeneration: 1,
      },
    });
    track(tr, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      namespace: info.targetNamespace,
      name: info.releaseName,
    });
    applyVClusterValues(ctx, vc.objects, info.values);
    // the syncer: the vcluster's pods on the host, kept in step with them
    const ownerKey =
      owner.kind === 'HelmChart'
        ? keyOf('helm.cattle.io', 'helmcharts', owner)
        : keyOf('helm.toolkit.fluxcd.io', 'helmreleases', owner);
    watchVClusterWorkloads(vc.objects, () => ctx.enqueue(ownerKey));
    for (const { kind, name } of syncToHost(
      ctx.cluster,
      vc.objects,
      info.targetNamespace,
      info.releaseName,
    )) {
      track(tr, {
        apiVersion: 'v1',
        kind,
        namespace: info.targetNamespace,
        name,
      });
    }
  } else if (chart === 'kuberay-operator') {
    const meta = helmMeta(info);
    ctx.cluster.ensureObject(
      kuberayOperatorDeployment(
        info.targetNamespace,
        info.releaseName,
        info.version,
        meta,
      ),
    );
    track(tr, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: info.targetNamespace,
      name: 'kuberay-operator',
    });
  }
}

/** `experimental.deploy.vcluster.{helm,manifests}` inside the vcluster. */
function applyVClusterValues(
  ctx: ControllerContext,
  vc: ClusterObjects,
  values: KubeObject,
) {
  const deploy = values?.experimental?.deploy?.vcluster ?? {};
  for (const entry of Array.isArray(deploy.helm) ? deploy.helm : []) {
    const chartName = entry?.chart?.name
      ? chartNameFromUrl(String(entry.chart.name))
      : '';
    if (chartName !== 'kuberay-operator') continue;
    if (!vc.registry.getByResource('ray.io', 'rayclusters')) {
      for (const crd of ctx.deps.rayCrds()) vc.putObject(crd);
    }
    const relNs = entry.release?.namespace ?? 'default';
    const relName = entry.release?.name ?? 'kuberay-operator';
    vc.ensureObject({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: relNs },
    });
    const operator = vc.ensureObject(
      kuberayOperatorDeployment(
        relNs,
        relName,
        String(entry.chart?.version ?? '1.7.0'),
        {
          labels: { 'app.kubernetes.io/managed-by': 'Helm' },
          annotations: {
            'meta.helm.sh/release-name': relName,
            'meta.helm.sh/release-namespace': relNs,
          },
        },
      ),
    );
    // its pod, Ready while the Deployment is Available (synced to the host)
    ensureDeploymentPod(vc, operator, simulatedNodeName(ctx.cluster));
  }
  if (typeof deploy.manifests === 'string' && deploy.manifests.trim()) {
    for (const doc of YAML.parseAllDocuments(deploy.manifests)) {
      const obj = doc.toJS();
      if (
        !isPlainObject(obj) ||
        !obj.apiVersion ||
        !obj.kind ||
        !obj.metadata?.name
      )
        continue;
      try {
        if (obj.metadata.namespace)
          vc.ensureObject({
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: obj.metadata.namespace },
          });
        vc.ensureObject(obj);
      } catch {
        // a manifest of a kind the vcluster does not serve is skipped
      }
    }
  }
}

export function teardownRelease(ctx: ControllerContext, key: string) {
  const tr = ctx.releases.get(key);
  if (!tr) return;
  ctx.releases.delete(key);
  for (const o of tr.objects)
    ctx.cluster.deleteObject(o.apiVersion, o.kind, o.namespace, o.name);
  if (tr.vcluster && ctx.deps.vclusterHost)
    ctx.deps.vclusterHost.destroyVCluster(
      tr.vcluster.namespace,
      tr.vcluster.name,
    );
}
