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

import { LoggerService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { taskCheckpoints } from './checkpoints';

export const ALICE = 'user:default/alice.alpha';

/** A logger that keeps what the action wrote to the task log. */
export function taskLog() {
  const lines: string[] = [];
  const logger: LoggerService = {
    info: message => lines.push(message),
    warn: message => lines.push(message),
    error: message => lines.push(message),
    debug: () => {},
    child: () => logger,
  };
  return { lines, logger };
}

/**
 * A scaffolder action context as the task runner gives it: run by Alice,
 * with the runner's checkpoint semantics (pass the same `checkpoints` to a
 * second context to retry the task), an abort signal, dry run or not.
 */
export function actionContext<TInput extends JsonObject>(options: {
  input: TInput;
  isDryRun?: boolean;
  signal?: AbortSignal;
  checkpoints?: ReturnType<typeof taskCheckpoints>;
  user?: string;
}) {
  const log = taskLog();
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? taskCheckpoints();
  const ctx: ActionContext<TInput, any> = {
    ...createMockActionContext<TInput>({ input: options.input }),
    logger: log.logger,
    output: (name: string | number | symbol, value: unknown) => {
      outputs[String(name)] = value;
    },
    checkpoint: checkpoints.checkpoint,
    getInitiatorCredentials: async () =>
      mockCredentials.user(options.user ?? ALICE),
    isDryRun: options.isDryRun,
    signal: options.signal,
  };
  return { ctx, outputs, log: log.lines, checkpoints };
}

/**
 * Runs `action` as a task whose first run fails with `firstFailure`, then
 * retries the task (same checkpoints, as the scaffolder's retry does) and
 * answers the retry's context.
 */
export async function runRetried<TInput extends JsonObject>(
  action: { handler(ctx: ActionContext<TInput, any>): Promise<void> },
  input: TInput,
  firstFailure: string,
) {
  const first = actionContext({ input });
  await expect(action.handler(first.ctx)).rejects.toThrow(firstFailure);
  const retry = actionContext({ input, checkpoints: first.checkpoints });
  await action.handler(retry.ctx);
  return retry;
}
