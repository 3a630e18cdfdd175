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

import fs from 'node:fs';
import path from 'node:path';
import {
  ComputeProfile,
  computeProfileInputSchema,
  TemplateVersion,
  templateVersionDocumentSchema,
  templateVersionFromDocument,
} from '@ray-service/plugin-ray-service-common';
import { parse } from 'yaml';
import { findUp } from './conformance';
import { storedProfile, storedTemplateVersion } from './fixtures';

/** The profiles and template versions the repository ships in templates/. */

const TEMPLATES_DIR = findUp(__dirname, 'templates/tenant-versions');

function templatesDir(): string {
  if (!TEMPLATES_DIR) {
    throw new Error(`templates/tenant-versions not found above ${__dirname}`);
  }
  return TEMPLATES_DIR;
}

export function shippedProfiles(): ComputeProfile[] {
  const file = path.join(templatesDir(), '..', 'compute-profiles.yaml');
  const documents: unknown[] = parse(fs.readFileSync(file, 'utf8'));
  return documents.map(document =>
    storedProfile(computeProfileInputSchema.parse(document)),
  );
}

export function shippedTemplateVersions(): TemplateVersion[] {
  const dir = templatesDir();
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .map(file => {
      const document = templateVersionDocumentSchema.parse(
        parse(fs.readFileSync(path.join(dir, file), 'utf8')),
      );
      return storedTemplateVersion(templateVersionFromDocument(document));
    });
}
