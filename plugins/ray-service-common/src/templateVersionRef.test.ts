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
import {
  parseTemplateVersionRef,
  templateVersionRef,
  tryParseTemplateVersionRef,
} from './templateVersionRef';

describe('templateVersionRef', () => {
  it('joins name and version', () => {
    expect(templateVersionRef('kuberay', '1.2.0')).toBe('kuberay@1.2.0');
  });

  it('round-trips', () => {
    const ref = templateVersionRef('kuberay', '2.0.0-rc.1+build.5');
    expect(parseTemplateVersionRef(ref)).toEqual({
      name: 'kuberay',
      version: '2.0.0-rc.1+build.5',
    });
  });
});

describe('parseTemplateVersionRef', () => {
  it('splits name and version', () => {
    expect(parseTemplateVersionRef('kuberay@1.2.0')).toEqual({
      name: 'kuberay',
      version: '1.2.0',
    });
  });

  it.each([
    ['kuberay', 'expected "<name>@<version>", e.g. "kuberay@1.2.0"'],
    ['kuberay@1.2.0@x', 'expected "<name>@<version>", e.g. "kuberay@1.2.0"'],
    [
      'KubeRay@1.2.0',
      'name "KubeRay" must be a DNS-1123 label: lowercase letters, digits and "-"',
    ],
    [
      '@1.2.0',
      'name "" must be a DNS-1123 label: lowercase letters, digits and "-"',
    ],
    ['kuberay@1.2', 'version "1.2" must be a semantic version such as "1.2.0"'],
    [
      'kuberay@v1.2.0',
      'version "v1.2.0" must be a semantic version such as "1.2.0"',
    ],
    ['kuberay@', 'version "" must be a semantic version such as "1.2.0"'],
  ])('rejects %j as input error', (ref, reason) => {
    expect(() => parseTemplateVersionRef(ref)).toThrow(InputError);
    expect(() => parseTemplateVersionRef(ref)).toThrow(
      `invalid template version reference "${ref}": ${reason}`,
    );
  });
});

describe('tryParseTemplateVersionRef', () => {
  it('parses valid references and answers undefined for others', () => {
    expect(tryParseTemplateVersionRef('kuberay@1.2.0')).toEqual({
      name: 'kuberay',
      version: '1.2.0',
    });
    expect(tryParseTemplateVersionRef('kuberay')).toBeUndefined();
    expect(tryParseTemplateVersionRef('Kuberay@1')).toBeUndefined();
  });
});
