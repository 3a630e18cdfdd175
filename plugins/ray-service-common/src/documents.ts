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

import { parse as parseYaml, Tags } from 'yaml';
import { z } from 'zod';

/** Nesting of free-form documents (Helm values, Serve configs): objects and arrays. */
export const MAX_DOCUMENT_DEPTH = 32;
/** Size of one free-form document as JSON. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

/**
 * Whether `value` nests objects and arrays deeper than `limit` levels.
 * Iterative, so that a hostile document cannot exhaust the stack here.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current !== null && typeof current === 'object') {
      if (depth >= limit) {
        return true;
      }
      for (const child of Object.values(current)) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}

/** Aliases a YAML document may use: enough for anchors, too few for a bomb. */
export const MAX_YAML_ALIASES = 50;

const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';

/**
 * The YAML 1.2 core schema's numbers, less the plain scalars YAML 1.1
 * reads as strings: `08` or `007` (leading zeros), `0o17`, `1e5` (an
 * exponent without a point or sign). Documents written by YAML 1.1 tools
 * (PyYAML, many CI scripts) leave those unquoted and mean a string; here
 * they stay strings too, instead of a string field failing as a number.
 */
function numbersBothVersionsAgreeOn(tags: Tags): Tags {
  return tags.flatMap(tag => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) {
      return [tag];
    }
    if (tag.tag === INT && tag.format === 'OCT') {
      return [];
    }
    if (tag.tag === INT && !tag.format) {
      return [{ ...tag, test: /^[-+]?(?:0|[1-9][0-9]*)$/ }];
    }
    if (tag.tag === FLOAT && tag.format === 'EXP') {
      return [
        { ...tag, test: /^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)[eE][-+][0-9]+$/ },
      ];
    }
    return [tag];
  });
}

/**
 * YAML text parsed with bounded aliases, depth and size, or why it cannot
 * be: every failure of the parser (syntax, an alias bomb, nesting that
 * exhausts the stack) is a reason, never a throw, and the reason is one
 * line that does not quote the document.
 */
export function parseBoundedYaml(
  text: string,
): { value: unknown } | { error: string } {
  let value: unknown;
  try {
    value = parseYaml(text, {
      maxAliasCount: MAX_YAML_ALIASES,
      customTags: numbersBothVersionsAgreeOn,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      error: `is not valid YAML: ${reason.split('\n')[0].slice(0, 200)}`,
    };
  }
  const problem = documentBoundsProblem(value);
  return problem ? { error: problem } : { value };
}

/** The reason a parsed free-form document is too large, if it is. */
export function documentBoundsProblem(value: unknown): string | undefined {
  if (nestsDeeperThan(value, MAX_DOCUMENT_DEPTH)) {
    return `nests deeper than ${MAX_DOCUMENT_DEPTH} levels`;
  }
  if (JSON.stringify(value).length > MAX_DOCUMENT_BYTES) {
    return `is larger than ${MAX_DOCUMENT_BYTES / 1024} KiB as JSON`;
  }
  return undefined;
}

/**
 * A free-form object such as Helm values: anything JSON, bounded in depth
 * and size so that every later step (storing, planning, YAML) stays cheap.
 */
export const boundedDocumentSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const problem = documentBoundsProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  })
  .meta({
    description: `Free-form; at most ${MAX_DOCUMENT_DEPTH} levels deep and ${
      MAX_DOCUMENT_BYTES / 1024
    } KiB as JSON`,
  });
