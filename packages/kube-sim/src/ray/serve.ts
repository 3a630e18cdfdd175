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
import type { SimClock } from './clock';
import { RayHttpError } from './http';
import { traceback } from './pythonErrors';
import { pythonRepr } from './pythonRepr';

type Json = Record<string, any>;

export type AppStatus = 'DEPLOYING' | 'RUNNING' | 'DEPLOY_FAILED';

/** A node Serve runs a proxy on. */
export interface ServeNode {
  ip: string;
  nodeId: string;
}

interface SimApp {
  config: Json;
  status: AppStatus;
  message: string;
  deployedAt: number;
}

/** Which import paths fail to deploy: a module named like `no_such_…` or `…does_not_exist…`. */
function missingModule(importPath: string): string | undefined {
  const module = importPath.split(':')[0].split('.')[0];
  return /^no_such|does_not_exist|nonexistent/.test(module)
    ? module
    : undefined;
}

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** The pydantic error Ray answers for a config without a required field. */
function schemaError(path: string, input: unknown): RayHttpError {
  return new RayHttpError(
    400,
    `1 validation error for ServeDeploySchema\n${path}\n  Field required [type=missing, input_value=${pythonRepr(
      input,
    )}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.14/v/missing`,
  );
}

function parseConfig(body: Buffer): Json {
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) return parsed;
  } catch {
    // answered below, like Ray's unhandled JSONDecodeError
  }
  throw new RayHttpError(
    500,
    traceback(
      [
        [
          'ray/dashboard/modules/serve/serve_head.py',
          163,
          'put_all_applications',
          'await req.json()',
        ],
      ],
      'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    ),
  );
}

/**
 * Ray Serve on one simulated head: `PUT /api/serve/applications/` replaces the whole
 * declarative config; changed or new applications are DEPLOYING, then RUNNING (or
 * DEPLOY_FAILED for a module that does not exist) after `deployMs` on the simulated clock;
 * unchanged ones keep running. `GET` answers Ray 2.60's shape.
 */
export class ServeState {
  private config?: Json;
  private readonly apps = new Map<string, SimApp>();
  private startedAt?: number;

  constructor(
    private readonly clock: SimClock,
    private readonly deployMs: number,
    private readonly nodes: () => ServeNode[],
    private readonly changed: () => void,
  ) {}

  put(body: Buffer): void {
    const config = parseConfig(body);
    const apps: unknown = config.applications ?? [];
    if (!Array.isArray(apps)) throw schemaError('applications', config);
    apps.forEach((app, i) => {
      if (typeof app !== 'object' || app === null || !('import_path' in app))
        throw schemaError(`applications.${i}.import_path`, app);
    });
    this.config = config;
    this.startedAt = this.startedAt ?? this.clock.now();
    const names = new Set<string>();
    for (const app of apps as Json[]) {
      const name = String(app.name ?? 'default');
      names.add(name);
      const current = this.apps.get(name);
      if (current && JSON.stringify(current.config) === JSON.stringify(app))
        continue;
      const sim: SimApp = {
        config: app,
        status: 'DEPLOYING',
        message: '',
        deployedAt: this.clock.now(),
      };
      this.apps.set(name, sim);
      this.clock.after(this.deployMs, () => this.settle(name, sim));
    }
    for (const name of [...this.apps.keys()])
      if (!names.has(name)) this.apps.delete(name);
    this.changed();
  }

  /** Ray resources the running replicas hold. */
  demand(): Record<string, number> {
    const total: Record<string, number> = {};
    for (const app of this.apps.values()) {
      if (app.status !== 'RUNNING') continue;
      for (const dep of this.deploymentsOf(app)) {
        const options = dep.ray_actor_options ?? {};
        const replicas = Number(dep.num_replicas ?? 1);
        total.CPU = (total.CPU ?? 0) + replicas * Number(options.num_cpus ?? 1);
        if (options.num_gpus)
          total.GPU = (total.GPU ?? 0) + replicas * Number(options.num_gpus);
      }
    }
    return total;
  }

  /** `GET /api/serve/applications/`. */
  toJson(redact: boolean): Json {
    if (!this.config)
      return {
        controller_info: {},
        proxies: {},
        applications: {},
        target_capacity: null,
      };
    const nodes = this.nodes();
    const head = nodes[0] ?? { ip: '', nodeId: '' };
    const httpOptions = this.config.http_options ?? {};
    const seconds = (ms: number) => ms / 1000;
    return {
      controller_info: {
        node_id: head.nodeId,
        node_ip: head.ip,
        node_instance_id: '',
        actor_id: hex(`${head.nodeId}/controller`, 32),
        actor_name: 'SERVE_CONTROLLER_ACTOR',
        worker_id: hex(`${head.nodeId}/controller-worker`, 56),
        log_file_path: '/serve/controller_1000.log',
      },
      proxy_location: this.config.proxy_location ?? 'EveryNode',
      http_options: {
        host: httpOptions.host ?? '0.0.0.0',
        port: httpOptions.port ?? 8000,
        root_path: httpOptions.root_path ?? '',
        request_timeout_s: httpOptions.request_timeout_s ?? null,
        keep_alive_timeout_s: httpOptions.keep_alive_timeout_s ?? 90,
        ssl_keyfile: null,
        ssl_certfile: null,
        ssl_keyfile_password: null,
        ssl_ca_certs: null,
      },
      grpc_options: {
        port: 9000,
        grpc_servicer_functions: [],
        request_timeout_s: null,
        enable_reflection: true,
      },
      proxies: Object.fromEntries(
        nodes.map(n => [
          n.nodeId,
          {
            node_id: n.nodeId,
            node_ip: n.ip,
            node_instance_id: '',
            actor_id: hex(`${n.nodeId}/proxy`, 32),
            actor_name: `SERVE_PROXY_ACTOR-${n.nodeId}`,
            worker_id: hex(`${n.nodeId}/proxy-worker`, 56),
            log_file_path: `/serve/proxy_${n.ip}.log`,
            status: 'HEALTHY',
          },
        ]),
      ),
      applications: Object.fromEntries(
        [...this.apps.entries()].map(([name, app]) => [
          name,
          this.appJson(name, app, head, redact),
        ]),
      ),
      target_capacity: this.config.target_capacity ?? null,
      target_groups: [
        {
          targets: nodes.map(n => ({
            ip: n.ip,
            port: httpOptions.port ?? 8000,
            instance_id: '',
            name: `SERVE_PROXY_ACTOR-${n.nodeId}`,
          })),
          route_prefix: '/',
          protocol: 'HTTP',
          app_name: '',
          ingress_request_router_targets: [],
          ingress_deployment_name: '',
        },
      ],
      controller_health_metrics: {
        timestamp: seconds(this.clock.now()),
        controller_start_time: seconds(this.startedAt ?? this.clock.now()),
        uptime_s: seconds(
          this.clock.now() - (this.startedAt ?? this.clock.now()),
        ),
      },
      restores_unset_config_options: true,
    };
  }

  private deploymentsOf(app: SimApp): Json[] {
    const listed: Json[] = Array.isArray(app.config.deployments)
      ? app.config.deployments
      : [];
    if (listed.length) return listed;
    const attr = String(app.config.import_path).split(':')[1] ?? 'app';
    return [{ name: attr.charAt(0).toUpperCase() + attr.slice(1) }];
  }

  private appJson(
    name: string,
    app: SimApp,
    head: ServeNode,
    redact: boolean,
  ): Json {
    const config =
      redact && app.config.runtime_env?.env_vars
        ? {
            ...app.config,
            runtime_env: {
              ...app.config.runtime_env,
              env_vars: Object.fromEntries(
                Object.keys(app.config.runtime_env.env_vars).map(k => [
                  k,
                  '<redacted>',
                ]),
              ),
            },
          }
        : app.config;
    const failed = app.status === 'DEPLOY_FAILED';
    const deployments = failed ? [] : this.deploymentsOf(app);
    const running = app.status === 'RUNNING';
    const ingress = deployments[deployments.length - 1]?.name;
    return {
      name,
      route_prefix: failed ? null : app.config.route_prefix ?? '/',
      docs_path: null,
      status: app.status,
      message: app.message,
      last_deployed_time_s: app.deployedAt / 1000,
      deployed_app_config: config,
      source: 'declarative',
      deployments: Object.fromEntries(
        deployments.map(dep => {
          const replicas = Number(dep.num_replicas ?? 1);
          const options = dep.ray_actor_options ?? {};
          return [
            dep.name,
            {
              name: dep.name,
              status: running ? 'HEALTHY' : 'UPDATING',
              status_trigger: running
                ? 'CONFIG_UPDATE_COMPLETED'
                : 'CONFIG_UPDATE_STARTED',
              message: '',
              deployment_config: {
                name: dep.name,
                num_replicas: replicas,
                max_ongoing_requests: dep.max_ongoing_requests ?? 5,
                ray_actor_options: { num_cpus: 1, ...options },
              },
              target_num_replicas: replicas,
              required_resources: { CPU: Number(options.num_cpus ?? 1) },
              replicas: running
                ? Array.from({ length: replicas }, (_, i) => {
                    const id = hex(
                      `${name}/${dep.name}/${i}/${app.deployedAt}`,
                      8,
                    );
                    return {
                      node_id: head.nodeId,
                      node_ip: head.ip,
                      node_instance_id: '',
                      actor_id: hex(`${id}/actor`, 32),
                      actor_name: `SERVE_REPLICA::${name}#${dep.name}#${id}`,
                      worker_id: hex(`${id}/worker`, 56),
                      log_file_path: `/serve/replica_${name}_${dep.name}_${id}.log`,
                      replica_id: id,
                      state: 'RUNNING',
                      pid: 2000 + i,
                      start_time_s: app.deployedAt / 1000,
                    };
                  })
                : [],
              recent_dead_replicas: [],
            },
          ];
        }),
      ),
      external_scaler_enabled: false,
      deployment_topology: failed
        ? null
        : {
            app_name: name,
            nodes: Object.fromEntries(
              deployments.map(dep => [
                dep.name,
                {
                  name: dep.name,
                  app_name: name,
                  outbound_deployments: [],
                  is_ingress: dep.name === ingress,
                },
              ]),
            ),
            ingress_deployment: ingress,
          },
    };
  }

  private settle(name: string, app: SimApp) {
    if (this.apps.get(name) !== app) return;
    const module = missingModule(String(app.config.import_path));
    if (module) {
      app.status = 'DEPLOY_FAILED';
      app.message = `Deploying app '${name}' failed with exception:\n${traceback(
        [
          [
            'ray/serve/_private/application_state.py',
            926,
            '_reconcile_build_app_task',
            'serialized_application_autoscaling_policy_def, args, err = ray.get(',
          ],
        ],
        `ModuleNotFoundError: No module named '${module}'`,
      )}`;
    } else {
      app.status = 'RUNNING';
    }
    this.changed();
  }
}
