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
import { join } from 'node:path';

/** A body a real Ray 2.60 head answered, as text (see ../__fixtures__/README.md). */
export function sampleText(file: string): string {
  return readFileSync(join(__dirname, '..', '__fixtures__', file), 'utf8');
}

/** A JSON body a real Ray 2.60 head answered, parsed; typed by the test that reads it. */
export function sample<T = unknown>(file: string): T {
  return JSON.parse(sampleText(file));
}
