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

import { readFileSync } from 'node:fs';

/** A real Ray head with token auth, as `scripts/ray-head.sh start` prints it. */
export interface RealRayHead {
  url: string;
  token: string;
}

/**
 * The real Ray head of `RAY_HEAD_URL` and `RAY_HEAD_TOKEN_FILE`. Without
 * them, tests that need one are skipped with a message, except in CI, where
 * `.ci/run` starts one and a missing head is an error.
 */
export function realRayHead(
  env: NodeJS.ProcessEnv = process.env,
): RealRayHead | undefined {
  const url = env.RAY_HEAD_URL;
  if (!url) {
    if (env.CI) {
      throw new Error(
        'CI is set but RAY_HEAD_URL is not: .ci/run starts a real Ray head with scripts/ray-head.sh',
      );
    }
    // eslint-disable-next-line no-console
    console.warn(
      'No real Ray head (RAY_HEAD_URL): skipping the tests against one. Run `eval "$(scripts/ray-head.sh start)"` (after `scripts/ray-head.sh install`) and export both variables to run them.',
    );
    return undefined;
  }
  const tokenFile = env.RAY_HEAD_TOKEN_FILE;
  if (!tokenFile) {
    throw new Error('RAY_HEAD_URL is set but RAY_HEAD_TOKEN_FILE is not');
  }
  return { url, token: readFileSync(tokenFile, 'utf8').trim() };
}
