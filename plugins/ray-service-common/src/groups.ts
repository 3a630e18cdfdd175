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
import { z } from 'zod';
import { uniqueBy } from './validation';

// `[kind:][namespace/]name`, the shorthand Backstage accepts for entity refs.
const ENTITY_REF = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/;
// Backstage's entity name syntax (1 to 63 letters, digits, "-", "_" or ".",
// starting and ending with a letter or digit), compared case-insensitively;
// used for namespaces too. The length is in the pattern, so that the OpenAPI
// document states it.
const NAME_PATTERN = '[A-Za-z0-9](?:[-_.A-Za-z0-9]{0,61}[A-Za-z0-9])?';
const NAME_PART = new RegExp(`^${NAME_PATTERN}$`);
const GROUP_REF_PATTERN = `^(?:[Gg][Rr][Oo][Uu][Pp]:)?(?:${NAME_PATTERN}/)?${NAME_PATTERN}$`;

function isNamePart(value: string): boolean {
  return NAME_PART.test(value);
}

type GroupRefResult = { ref: string } | { error: string };

function readGroupRef(input: string): GroupRefResult {
  const match = ENTITY_REF.exec(input.trim().toLowerCase());
  const [, kind = 'group', namespace = 'default', name = ''] = match ?? [];
  if (match && kind !== 'group') {
    return { error: `"${input}" is not a group reference` };
  }
  if (!match || !isNamePart(namespace) || !isNamePart(name)) {
    return {
      error: `invalid group reference "${input}": expected "group:<namespace>/<name>" or a group name such as "ml-teams"`,
    };
  }
  return { ref: `group:${namespace}/${name}` };
}

/**
 * The full, lowercase form of a group ref: `ml-teams` and `Group:ML-Teams`
 * both become `group:default/ml-teams`.
 *
 * @throws InputError for refs of other kinds or with invalid names.
 */
export function normalizeGroupRef(ref: string): string {
  const result = readGroupRef(ref);
  if ('error' in result) {
    throw new InputError(result.error);
  }
  return result.ref;
}

function tryNormalizeGroupRef(ref: string): string | undefined {
  const result = readGroupRef(ref);
  return 'ref' in result ? result.ref : undefined;
}

// What readGroupRef accepts, for the OpenAPI document.
const GROUP_REF_META = {
  pattern: GROUP_REF_PATTERN,
  maxLength: 200,
  description:
    'A group ref (group:<namespace>/<name>) or a group name; normalized to group:<namespace>/<name> in lowercase',
};

/** A group ref in any accepted form, checked, as written. */
function checkedGroupRef() {
  return z.string().superRefine((ref, ctx) => {
    const result = readGroupRef(ref);
    if ('error' in result) {
      ctx.addIssue({ code: 'custom', message: result.error });
    }
  });
}

/**
 * A group ref in any accepted form (`ml-teams`, `Group:Default/ML-Teams`),
 * parsed into its normalized form (`group:default/ml-teams`).
 */
export const groupRefSchema = checkedGroupRef()
  .overwrite(ref => tryNormalizeGroupRef(ref) ?? ref)
  .meta(GROUP_REF_META);

/** Groups a profile or template version may name. */
export const MAX_GROUP_REFS = 100;

/**
 * A list of group refs, normalized. The same string twice is refused (the
 * document's `uniqueItems`); two spellings of one group (`ml-teams`,
 * `group:default/ml-teams`) are one entry.
 */
export const groupRefListSchema = z
  .array(checkedGroupRef().meta(GROUP_REF_META))
  .max(MAX_GROUP_REFS, `name at most ${MAX_GROUP_REFS} groups`)
  .superRefine(
    uniqueBy(
      ref => ref,
      ref => `${ref} is listed twice`,
    ),
  )
  .overwrite(refs => [
    ...new Set(refs.map(ref => tryNormalizeGroupRef(ref) ?? ref)),
  ])
  .meta({ uniqueItems: true });

/**
 * Whether something shared with `sharedWith` is shared with a user in
 * `userGroupRefs`. Sharing with a group includes its descendants, so a user in
 * `ml-team-alpha` sees what is shared with its parent `ml-teams`.
 *
 * `ancestorsOf` is called with normalized group refs and may return the whole
 * ancestor chain or only the parents: the hierarchy is walked either way,
 * cycles included. Refs of other kinds among the user's refs (such as their
 * user ref) are ignored, so Backstage ownership refs can be passed as they are.
 * An empty `sharedWith` shares with nobody.
 */
export function isSharedWith(
  sharedWith: string[],
  userGroupRefs: string[],
  ancestorsOf: (groupRef: string) => string[],
): boolean {
  const normalizeAll = (refs: string[]) =>
    refs.flatMap(ref => tryNormalizeGroupRef(ref) ?? []);
  const shared = new Set(normalizeAll(sharedWith));
  const visited = new Set<string>();
  const pending = normalizeAll(userGroupRefs);
  while (shared.size > 0 && pending.length > 0) {
    const group = pending.pop()!;
    if (shared.has(group)) {
      return true;
    }
    if (!visited.has(group)) {
      visited.add(group);
      pending.push(...normalizeAll(ancestorsOf(group)));
    }
  }
  return false;
}
