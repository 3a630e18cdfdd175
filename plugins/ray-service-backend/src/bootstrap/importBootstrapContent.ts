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
import { ConflictError, InputError } from '@backstage/errors';
import {
  computeProfileInputSchema,
  templateVersionDocumentSchema,
} from '@ray-service/plugin-ray-service-common';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { ProfileService } from '../services/ProfileService';
import { TemplateService } from '../services/TemplateService';
import { Caller } from '../access/callers';
import { parseInput } from '../lib/validation';

/** Where the shipped content is; relative paths start at the working directory. */
export interface BootstrapSources {
  templateVersionsDir?: string;
  profilesFile?: string;
}

export interface BootstrapCounts {
  imported: number;
  /** Already in the database: kept as admins left them. */
  kept: number;
  invalid: number;
}

/** One YAML document and where it came from, for log messages. */
interface SourceDocument {
  source: string;
  value: unknown;
  error?: string;
}

async function yamlDocuments(file: string): Promise<SourceDocument[]> {
  const text = await readFile(file, 'utf8');
  return parseAllDocuments(text).flatMap((document, index) => {
    const source = `${file} (document ${index + 1})`;
    if (document.errors.length > 0) {
      return [{ source, value: undefined, error: document.errors[0].message }];
    }
    return document.contents === null
      ? []
      : [{ source, value: document.toJS() }];
  });
}

async function templateDocuments(dir: string): Promise<SourceDocument[]> {
  const files = (await readdir(dir))
    .filter(file => /\.ya?ml$/.test(file))
    .sort();
  const documents = await Promise.all(
    files.map(file => yamlDocuments(join(dir, file))),
  );
  return documents.flat();
}

// The profiles file is one YAML list of profiles.
async function profileDocuments(file: string): Promise<SourceDocument[]> {
  return (await yamlDocuments(file)).flatMap(document => {
    if (document.error || !Array.isArray(document.value)) {
      return [
        { ...document, error: document.error ?? 'expected a list of profiles' },
      ];
    }
    return document.value.map((value, index) => ({
      source: `${document.source}, item ${index + 1}`,
      value,
    }));
  });
}

/** Creates what each valid document describes unless it exists already. */
async function importAbsent<S extends z.ZodType>(
  documents: SourceDocument[],
  schema: S,
  create: (value: z.output<S>) => Promise<unknown>,
  logger: LoggerService,
): Promise<BootstrapCounts> {
  const counts: BootstrapCounts = { imported: 0, kept: 0, invalid: 0 };
  for (const document of documents) {
    try {
      if (document.error) {
        throw new InputError(`invalid YAML: ${document.error}`);
      }
      await create(parseInput(schema, document.value));
      counts.imported += 1;
    } catch (error) {
      if (error instanceof ConflictError) {
        counts.kept += 1;
      } else if (error instanceof InputError) {
        counts.invalid += 1;
        logger.error(`Skipped ${document.source}: ${error.message}`);
      } else {
        throw error;
      }
    }
  }
  return counts;
}

/**
 * Imports the shipped template versions and profiles that are not in the
 * database yet. Existing ones are never overwritten: after the first start
 * the database is their home and admins change them there. Invalid
 * documents are logged and skipped; a missing file or directory is an error.
 */
export async function importBootstrapContent(
  sources: BootstrapSources,
  deps: {
    profiles: ProfileService;
    templates: TemplateService;
    logger: LoggerService;
    /** Who imports: the plugin's own service credentials. */
    credentials: Caller;
  },
): Promise<{ templateVersions?: BootstrapCounts; profiles?: BootstrapCounts }> {
  const { logger } = deps;
  const result: Awaited<ReturnType<typeof importBootstrapContent>> = {};
  if (sources.templateVersionsDir) {
    const dir = resolve(sources.templateVersionsDir);
    result.templateVersions = await importAbsent(
      await templateDocuments(dir),
      templateVersionDocumentSchema,
      document => deps.templates.import(deps.credentials, document),
      logger,
    );
    logger.info(
      `Template versions from ${dir}: ${describe(result.templateVersions)}`,
    );
  }
  if (sources.profilesFile) {
    const file = resolve(sources.profilesFile);
    result.profiles = await importAbsent(
      await profileDocuments(file),
      computeProfileInputSchema,
      input => deps.profiles.create(deps.credentials, input),
      logger,
    );
    logger.info(`Compute profiles from ${file}: ${describe(result.profiles)}`);
  }
  return result;
}

function describe({ imported, kept, invalid }: BootstrapCounts): string {
  return `${imported} imported, ${kept} already present, ${invalid} invalid`;
}
