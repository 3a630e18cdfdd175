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

import {
  formatZodIssues,
  TemplateVersionDocument,
  templateVersionDocumentSchema,
} from '@ray-service/plugin-ray-service-common';
import { parseDocument } from 'yaml';

export type TemplateDocumentCheck =
  | { status: 'empty' }
  | { status: 'invalid'; problems: string[] }
  | { status: 'valid'; document: TemplateVersionDocument };

/**
 * Parses an import document (YAML, or JSON, which is YAML) the way the
 * backend will, so mistakes show before anything is sent.
 */
export function checkTemplateDocument(text: string): TemplateDocumentCheck {
  if (!text.trim()) {
    return { status: 'empty' };
  }
  const yamlDocument = parseDocument(text);
  if (yamlDocument.errors.length > 0) {
    return {
      status: 'invalid',
      problems: yamlDocument.errors.map(error => error.message),
    };
  }
  const parsed = templateVersionDocumentSchema.safeParse(yamlDocument.toJS());
  if (!parsed.success) {
    return {
      status: 'invalid',
      problems: formatZodIssues(parsed.error).details.map(
        ({ field, message }) => (field ? `${field}: ${message}` : message),
      ),
    };
  }
  return { status: 'valid', document: parsed.data };
}
