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

import { z } from 'zod';

/** Params of the rules that match the caller: the entity refs they own through. */
export const claimsParamsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      'Entity refs the user owns through, e.g. the ownershipEntityRefs of their user info (group:default/ml-team-alpha)',
    ),
});

/** Entity refs compare case-insensitively; the plugin stores them lowercase. */
export function normalizedClaims(claims: readonly string[]): string[] {
  return claims.map(claim => claim.toLowerCase());
}

/** Whether any claim is among `refs` (both normalized). */
export function claimsMatch(
  claims: readonly string[],
  refs: readonly string[],
): boolean {
  const wanted = new Set(refs.map(ref => ref.toLowerCase()));
  return normalizedClaims(claims).some(claim => wanted.has(claim));
}
