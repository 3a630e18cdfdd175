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

/**
 * Writes openapi.yaml from the REST contract: `yarn build:openapi`; with
 * `--check`, fails when the committed file differs (CI runs it in the tests).
 */
import { rayServiceApi } from '@ray-service/plugin-ray-service-common';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openapiYaml } from '../src/router/openapiYaml';

const file = resolve(__dirname, '../openapi.yaml');
const generated = openapiYaml(rayServiceApi);
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== generated) {
    process.stderr.write(`${file} is out of date: run yarn build:openapi\n`);
    process.exit(1);
  }
} else {
  writeFileSync(file, generated);
  process.stdout.write(`wrote ${file}\n`);
}
