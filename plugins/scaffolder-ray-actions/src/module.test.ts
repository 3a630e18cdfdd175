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

import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { Validator } from 'jsonschema';
import yaml from 'yaml';
import scaffolderModuleRayActions from '.';

/** The actions the module adds to a scaffolder, as the scaffolder receives them. */
async function registeredActions(): Promise<TemplateAction<any, any, any>[]> {
  const actions: TemplateAction<any, any, any>[] = [];
  await startTestBackend({
    features: [
      createBackendPlugin({
        pluginId: 'scaffolder',
        register(env) {
          env.registerExtensionPoint(scaffolderActionsExtensionPoint, {
            addActions: (...added) => {
              actions.push(...added);
            },
          });
          env.registerInit({ deps: {}, async init() {} });
        },
      }),
      scaffolderModuleRayActions,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
    ],
  });
  return actions;
}

describe('the scaffolder module', () => {
  it('adds the four ray:* actions, each with a dry run', async () => {
    const actions = await registeredActions();
    expect(actions.map(a => [a.id, a.supportsDryRun])).toEqual([
      ['ray:tenant:create', true],
      ['ray:cluster:create', true],
      ['ray:job:submit', true],
      ['ray:service:deploy', true],
    ]);
  });

  it('describes every input and output field', async () => {
    for (const action of await registeredActions()) {
      for (const schema of [action.schema!.input!, action.schema!.output!]) {
        const undescribed = Object.entries(schema.properties!)
          .filter(
            ([, field]) => !(field as { description?: string }).description,
          )
          .map(([name]) => `${action.id} ${name}`);
        expect(undescribed).toEqual([]);
      }
    }
  });

  it('has examples whose steps are valid input of the action', async () => {
    const validator = new Validator();
    for (const action of await registeredActions()) {
      expect(action.examples?.length).toBeGreaterThan(0);
      for (const example of action.examples!) {
        const { steps } = yaml.parse(example.example);
        for (const step of steps) {
          expect(step.action).toBe(action.id);
          const result = validator.validate(step.input, action.schema!.input!);
          expect(result.errors.map(e => e.stack)).toEqual([]);
        }
      }
    }
  });
});
