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

import type { KubernetesObject } from '@kubernetes/client-node';
import { stringify } from 'yaml';

/**
 * Canonical YAML: map keys sorted (so values that went through a database
 * and lost their key order render the same), no line folding, and YAML 1.1
 * quoting so that strings like `on`, `yes` or `0755` stay strings for Helm
 * and kubectl, which read YAML 1.1.
 */
export function toYaml(value: unknown): string {
  return stringify(value, {
    aliasDuplicateObjects: false,
    sortMapEntries: true,
    lineWidth: 0,
    version: '1.1',
  });
}

/** A plan as one multi-document YAML stream, in apply order. */
export function planToYaml(objects: KubernetesObject[]): string {
  return objects.map(object => `---\n${toYaml(object)}`).join('');
}
