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

import { CodeSnippet } from '@backstage/core-components';

/**
 * Read-only YAML in a monospace, scrollable box with a copy button, e.g. the
 * objects a dry run would apply.
 */
export function YamlSnippet(props: { yaml: string; maxHeight?: number }) {
  const { yaml, maxHeight = 400 } = props;
  return (
    <CodeSnippet
      text={yaml}
      language="yaml"
      showCopyCodeButton
      customStyle={{ maxHeight, overflow: 'auto', margin: 0 }}
    />
  );
}
