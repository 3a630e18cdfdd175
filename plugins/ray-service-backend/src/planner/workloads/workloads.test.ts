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
  IsolationMode,
  rayClusterRequestSchema,
  rayJobRequestSchema,
  rayServiceRequestSchema,
  RayClusterSpecInput,
} from '@ray-service/plugin-ray-service-common';
import { parse } from 'yaml';
import {
  CONFORMANCE_DIR,
  conformanceUnavailable,
  crdValidators,
  describeErrors,
} from '../__testUtils__/conformance';
import { PROFILES, TEMPLATES } from '../__testUtils__/fixtures';
import { shippedTemplateVersions } from '../__testUtils__/shipped';
import {
  fitCluster,
  planRayCluster,
  planRayJob,
  planRayService,
  WORKLOAD_SPEC_ANNOTATION,
  WorkloadContext,
  WorkloadPlanError,
} from '.';

function context(
  overrides: Partial<WorkloadContext> & { isolation?: IsolationMode } = {},
): WorkloadContext {
  const isolation = overrides.isolation ?? 'namespace';
  return {
    tenant: {
      name: 'vision',
      key: 'vision',
      isolation,
      namespace: isolation === 'namespace' ? 'ray-vision' : 'default',
    },
    profile: PROFILES.largeMig,
    templateVersion: TEMPLATES.bare,
    instance: 'default',
    ...overrides,
  };
}

const clusterSpec = (spec: Partial<RayClusterSpecInput> = {}) =>
  rayClusterRequestSchema.parse({
    name: 'train',
    spec: {
      head: { cpu: '2', memory: '8Gi' },
      workerGroups: [
        {
          name: 'gpu',
          replicas: 2,
          cpu: '4',
          memory: '16Gi',
          gpu: { model: 'A100-40GB', count: 1 },
        },
      ],
      ...spec,
    },
  });

function problemsOf(plan: () => unknown) {
  try {
    plan();
  } catch (error) {
    if (error instanceof WorkloadPlanError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error('planned without problems');
}

describe('the workload planner', () => {
  it('asks for GPUs as the profile partitions them', () => {
    const mig = planRayCluster(clusterSpec(), context());
    const worker = (mig.spec as any).workerGroupSpecs[0];
    expect(worker.template.spec.containers[0].resources).toEqual({
      requests: { cpu: '4', memory: '16Gi', 'nvidia.com/mig-1g.5gb': '1' },
      limits: { cpu: '4', memory: '16Gi', 'nvidia.com/mig-1g.5gb': '1' },
    });
    expect(worker.template.spec.containers[0].image).toBe(
      'docker.io/rayproject/ray:2.60.0-gpu',
    );
    const whole = planRayCluster(
      clusterSpec(),
      context({ profile: PROFILES.medium }),
    );
    expect(
      (whole.spec as any).workerGroupSpecs[0].template.spec.containers[0]
        .resources.requests,
    ).toEqual({ cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' });
  });

  it('names the field of a GPU model the profile does not offer', () => {
    expect(
      problemsOf(() =>
        planRayCluster(clusterSpec(), context({ profile: PROFILES.small })),
      ),
    ).toEqual([
      {
        path: ['spec', 'workerGroups', 0, 'gpu', 'model'],
        message:
          "the tenant's profile offers no A100-40GB GPUs (it has no GPUs)",
      },
    ]);
  });

  it('puts the tenant queue, restricted pods, token auth and autoscaler v2 on the cluster', () => {
    const planned = planRayCluster(
      clusterSpec({
        autoscaling: { enabled: true, idleTimeoutSeconds: 120 },
        workerGroups: [
          {
            name: 'cpu',
            replicas: 1,
            minReplicas: 0,
            maxReplicas: 4,
            cpu: '2',
            memory: '4Gi',
          },
        ],
      }),
      context(),
    );
    expect(planned.metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'ray-service',
      'ray-service.io/instance': 'default',
      'ray-service.io/tenant': 'vision',
      'ray.io/scheduler-name': 'volcano',
      'volcano.sh/queue-name': 'ray-vision',
    });
    const spec = planned.spec as any;
    expect(spec.authOptions).toEqual({ mode: 'token' });
    expect(spec.autoscalerOptions).toMatchObject({
      version: 'v2',
      idleTimeoutSeconds: 120,
    });
    expect(spec.workerGroupSpecs[0]).toMatchObject({
      replicas: 1,
      minReplicas: 0,
      maxReplicas: 4,
    });
    const head = spec.headGroupSpec.template.spec;
    expect(head.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(head.containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(
      JSON.parse(planned.metadata.annotations![WORKLOAD_SPEC_ANNOTATION]),
    ).toMatchObject({ head: { cpu: '2', memory: '8Gi' }, auth: 'token' });
  });

  it('schedules vcluster pods through the pod template, not KubeRay', () => {
    const planned = planRayCluster(
      clusterSpec(),
      context({ isolation: 'vcluster' }),
    );
    expect(planned.metadata.labels).not.toHaveProperty('ray.io/scheduler-name');
    expect((planned.spec as any).headGroupSpec.template).toMatchObject({
      metadata: {
        annotations: { 'scheduling.volcano.sh/queue-name': 'ray-vision' },
      },
      spec: { schedulerName: 'volcano' },
    });
  });

  it('uses the external Redis of the template for GCS fault tolerance, or says it has none', () => {
    const planned = planRayCluster(
      clusterSpec({ gcsFaultTolerance: true }),
      context({ templateVersion: TEMPLATES.airGapped }),
    );
    expect((planned.spec as any).gcsFaultToleranceOptions).toEqual({
      redisAddress: 'redis.ray-system.svc:6379',
      redisPassword: {
        valueFrom: { secretKeyRef: { name: 'ray-gcs-redis', key: 'password' } },
      },
    });
    expect(
      (planned.spec as any).headGroupSpec.template.spec.containers[0].image,
    ).toBe('registry.internal.example.com:5000/mirror/rayproject/ray:2.60.0');
    expect(
      problemsOf(() =>
        planRayCluster(clusterSpec({ gcsFaultTolerance: true }), context()),
      ).map(p => p.path.join('.')),
    ).toEqual(['spec.gcsFaultTolerance']);
  });

  it('refuses token auth on a template too old for it', () => {
    const old = { ...TEMPLATES.bare, kuberayVersion: '1.4.0' };
    const [problem] = problemsOf(() =>
      planRayCluster(clusterSpec(), context({ templateVersion: old })),
    );
    expect(problem.path).toEqual(['spec', 'auth']);
    expect(problem.message).toContain('needs KubeRay 1.5.1');
    expect(() =>
      planRayCluster(
        clusterSpec({ auth: 'disabled' }),
        context({ templateVersion: old }),
      ),
    ).not.toThrow();
  });

  it('keeps job environment values in the RayJob only, never in its annotation', () => {
    const job = planRayJob(
      rayJobRequestSchema.parse({
        name: 'etl',
        entrypoint: 'python etl.py',
        runtimeEnv: { pip: ['pandas'], envVars: { API_KEY: 'secret-value' } },
        cluster: { existing: 'train' },
      }),
      context(),
    );
    expect(job.spec).toMatchObject({
      entrypoint: 'python etl.py',
      clusterSelector: { 'ray.io/cluster': 'train' },
      submissionMode: 'K8sJobMode',
    });
    expect(parse((job.spec as any).runtimeEnvYAML)).toEqual({
      pip: ['pandas'],
      env_vars: { API_KEY: 'secret-value' },
    });
    const annotation = job.metadata.annotations![WORKLOAD_SPEC_ANNOTATION];
    expect(annotation).not.toContain('secret-value');
    expect(JSON.parse(annotation).runtimeEnv).toEqual({
      pip: ['pandas'],
      envVarNames: ['API_KEY'],
    });
  });

  describe('fits the tenant or says why', () => {
    const quota = {
      'requests.cpu': { hard: 32_000, used: 4_000 },
      'requests.memory': { hard: 128 * 2 ** 30, used: 0 },
      'requests.nvidia.com/mig-1g.5gb': { hard: 14, used: 12 },
    };

    it('names the group that does not fit, with the numbers', () => {
      const request = clusterSpec({
        workerGroups: [
          {
            name: 'gpu',
            replicas: 4,
            cpu: '1',
            memory: '1Gi',
            gpu: { model: 'A100-40GB', count: 1 },
          },
        ],
      });
      expect(
        fitCluster(request.spec, context(), quota, ['spec']).problems,
      ).toEqual([
        {
          path: ['spec', 'workerGroups', 0, 'replicas'],
          message:
            '4 × 1 nvidia.com/mig-1g.5gb needs 4, the tenant has 2 free of 14',
        },
      ]);
    });

    it('allows a maximum above the free quota with a warning', () => {
      const request = clusterSpec({
        autoscaling: { enabled: true },
        workerGroups: [
          {
            name: 'gpu',
            replicas: 1,
            maxReplicas: 8,
            cpu: '1',
            memory: '1Gi',
            gpu: { model: 'A100-40GB', count: 1 },
          },
        ],
      });
      const fit = fitCluster(request.spec, context(), quota, ['spec']);
      expect(fit.problems).toEqual([]);
      expect(fit.warnings).toEqual([
        'at its maximum the cluster would need 8 nvidia.com/mig-1g.5gb, more than the 2 the tenant has free: workers beyond it stay Pending',
      ]);
    });

    it('counts the head first', () => {
      const fit = fitCluster(
        clusterSpec({ head: { cpu: '30', memory: '1Gi' } }).spec,
        context(),
        quota,
        ['spec'],
      );
      expect(fit.problems[0]).toEqual({
        path: ['spec', 'head'],
        message: '30 cpu needs 30, the tenant has 28 free of 32',
      });
    });
  });

  describe('conformance with the KubeRay v1.7.0 CRDs', () => {
    const validators = CONFORMANCE_DIR
      ? crdValidators(CONFORMANCE_DIR)
      : undefined;
    const cases = shippedTemplateVersions().flatMap(templateVersion =>
      templateVersion.isolationModes.map(isolation => ({
        templateVersion,
        isolation,
      })),
    );

    it.each(
      cases.map(
        c =>
          [
            `${c.templateVersion.name}@${c.templateVersion.version}`,
            c.isolation,
            c,
          ] as const,
      ),
    )(
      'plans valid objects for %s in %s isolation',
      (_ref, _isolation, { templateVersion, isolation }) => {
        if (conformanceUnavailable()) {
          return;
        }
        const ctx = context({ templateVersion, isolation });
        const gcs = Boolean(templateVersion.security.gcsFaultTolerance);
        const objects = [
          planRayCluster(
            clusterSpec({
              gcsFaultTolerance: gcs,
              autoscaling: { enabled: true },
            }),
            ctx,
          ),
          planRayJob(
            rayJobRequestSchema.parse({
              name: 'job',
              entrypoint: 'python -c "print(1)"',
              runtimeEnv: { envVars: { A: 'b' }, pip: ['numpy'] },
              cluster: { new: clusterSpec().spec },
              activeDeadlineSeconds: 600,
            }),
            ctx,
          ),
          planRayJob(
            rayJobRequestSchema.parse({
              name: 'job2',
              entrypoint: 'python main.py',
              cluster: { existing: 'train' },
            }),
            ctx,
          ),
          planRayService(
            rayServiceRequestSchema.parse({
              name: 'serve',
              serveConfig:
                'applications:\n  - name: hello\n    import_path: hello:app\n',
              cluster: clusterSpec().spec,
            }),
            ctx,
          ),
        ];
        for (const object of objects) {
          const validate = validators!.get(
            `${object.apiVersion}/${object.kind}`,
          )!;
          const valid = validate(JSON.parse(JSON.stringify(object)));
          expect({
            kind: object.kind,
            errors: valid ? [] : describeErrors(validate),
          }).toEqual({
            kind: object.kind,
            errors: [],
          });
        }
      },
    );
  });
});
