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

import { SimClock } from './clock';
import { rayRefusal } from '../__testUtils__/ray';
import { ServeState } from './serve';

const NODE = { ip: '10.244.0.7', nodeId: 'b'.repeat(56) };

describe('simulated Ray Serve', () => {
  let clock: SimClock;
  let serve: ServeState;
  const put = (config: unknown) =>
    serve.put(
      Buffer.from(typeof config === 'string' ? config : JSON.stringify(config)),
    );
  const app = (name: string, importPath = `${name}_app:build`) => ({
    name,
    route_prefix: `/${name}`,
    import_path: importPath,
    runtime_env: { env_vars: { APP_SECRET: 'serve-secret' } },
    deployments: [
      { name: 'Hello', num_replicas: 2, ray_actor_options: { num_cpus: 0.5 } },
    ],
  });

  beforeEach(() => {
    clock = SimClock.manual();
    serve = new ServeState(
      clock,
      1000,
      () => [NODE],
      () => undefined,
    );
  });
  afterEach(() => clock.stop());

  it('answers the empty shape before any config', () => {
    expect(serve.toJson(false)).toEqual({
      controller_info: {},
      proxies: {},
      applications: {},
      target_capacity: null,
    });
  });

  it('deploys applications, then runs them (or fails an unknown module)', () => {
    put({ applications: [app('hello'), app('broken', 'no_such_module:app')] });
    const deploying = serve.toJson(false);
    expect(Object.keys(deploying)).toEqual([
      'controller_info',
      'proxy_location',
      'http_options',
      'grpc_options',
      'proxies',
      'applications',
      'target_capacity',
      'target_groups',
      'controller_health_metrics',
      'restores_unset_config_options',
    ]);
    expect(deploying.applications.hello.status).toBe('DEPLOYING');
    expect(deploying.proxies[NODE.nodeId]).toMatchObject({
      node_ip: NODE.ip,
      status: 'HEALTHY',
    });
    expect(serve.demand()).toEqual({});

    clock.advance(1000);
    const json = serve.toJson(false);
    expect(json.applications.hello).toMatchObject({
      name: 'hello',
      route_prefix: '/hello',
      status: 'RUNNING',
      source: 'declarative',
      deployed_app_config: app('hello'),
      deployments: { Hello: { status: 'HEALTHY', target_num_replicas: 2 } },
    });
    expect(json.applications.hello.deployments.Hello.replicas).toHaveLength(2);
    expect(typeof json.applications.hello.last_deployed_time_s).toBe('number');
    expect(json.applications.broken).toMatchObject({
      status: 'DEPLOY_FAILED',
      route_prefix: null,
      deployments: {},
      deployment_topology: null,
    });
    expect(json.applications.broken.message).toMatch(
      /^Deploying app 'broken' failed with exception:\n[\s\S]*ModuleNotFoundError: No module named 'no_such_module'\n$/,
    );
    expect(serve.demand()).toEqual({ CPU: 1 });
    expect(
      serve.toJson(true).applications.hello.deployed_app_config.runtime_env
        .env_vars,
    ).toEqual({ APP_SECRET: '<redacted>' });
  });

  it('replaces the whole config: unchanged apps keep running, missing ones go', () => {
    put({ applications: [app('hello'), app('other')] });
    clock.advance(1000);
    put({ applications: [app('hello')] });
    const json = serve.toJson(false);
    expect(Object.keys(json.applications)).toEqual(['hello']);
    expect(json.applications.hello.status).toBe('RUNNING');
  });

  it('refuses a config without import_path (400) and a body that is not JSON (500)', () => {
    const error = rayRefusal(() => put({ applications: [{ name: 'x' }] }));
    expect(error.status).toBe(400);
    expect(error.body).toBe(
      "1 validation error for ServeDeploySchema\napplications.0.import_path\n  Field required [type=missing, input_value={'name': 'x'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.14/v/missing",
    );
    const notJson = rayRefusal(() => put('nope'));
    expect(notJson.status).toBe(500);
    expect(notJson.body).toMatch(
      /json.decoder.JSONDecodeError: Expecting value/,
    );
  });
});
