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

import { InputError } from '@backstage/errors';
import { isDnsLabel, isSemver } from './validation';

/** What identifies a template version. */
export interface TemplateVersionKey {
  name: string;
  version: string;
}

/** `kuberay@1.2.0`, the form versions are referenced by in paths and tenants. */
export function templateVersionRef(name: string, version: string): string {
  return `${name}@${version}`;
}

/**
 * Splits `kuberay@1.2.0` into name and version.
 *
 * @throws InputError naming what is wrong, fit for a 400 response.
 */
export function parseTemplateVersionRef(ref: string): TemplateVersionKey {
  const invalid = (reason: string) =>
    new InputError(`invalid template version reference "${ref}": ${reason}`);
  const parts = ref.split('@');
  if (parts.length !== 2) {
    throw invalid('expected "<name>@<version>", e.g. "kuberay@1.2.0"');
  }
  const [name, version] = parts;
  if (!isDnsLabel(name)) {
    throw invalid(
      `name "${name}" must be a DNS-1123 label: lowercase letters, digits and "-"`,
    );
  }
  if (!isSemver(version)) {
    throw invalid(
      `version "${version}" must be a semantic version such as "1.2.0"`,
    );
  }
  return { name, version };
}

/** Like {@link parseTemplateVersionRef}, but undefined for an invalid reference. */
export function tryParseTemplateVersionRef(
  ref: string,
): TemplateVersionKey | undefined {
  try {
    return parseTemplateVersionRef(ref);
  } catch {
    return undefined;
  }
}
