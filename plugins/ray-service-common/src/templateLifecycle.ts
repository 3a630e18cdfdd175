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
import { TemplateVersionState } from './templates';

/** The `{action}` of `POST /templates/{name}@{version}/{action}`. */
export const templateVersionActionSchema = z.enum([
  'publish',
  'deprecate',
  'retire',
]);

export type TemplateVersionAction = z.infer<typeof templateVersionActionSchema>;

/** The state each lifecycle action leads to. */
export const TEMPLATE_VERSION_ACTIONS: Readonly<
  Record<TemplateVersionAction, TemplateVersionState>
> = {
  publish: 'published',
  deprecate: 'deprecated',
  retire: 'retired',
};

/** Whether a change is allowed; a refusal is a 409 with `reason`. */
export type TransitionCheck =
  | { allowed: true }
  | { allowed: false; reason: string };

// draft → published → deprecated ⇄ published; anything but retired → retired.
const NEXT_STATES: Record<TemplateVersionState, TemplateVersionState[]> = {
  draft: ['published', 'retired'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};

function refuse(reason: string): TransitionCheck {
  return { allowed: false, reason };
}

function tenantsStillUsing(count: number): string {
  return count === 1 ? '1 tenant still uses' : `${count} tenants still use`;
}

/**
 * The lifecycle rules: drafts are published (or retired, never having been
 * used), published versions are deprecated, deprecated ones may be published
 * again, and a version is retired only once no tenant uses it. Retired is
 * final.
 */
export function checkTransition(
  current: TemplateVersionState,
  target: TemplateVersionState,
  usage: { tenantsUsingVersion: number },
): TransitionCheck {
  if (current === target) {
    return refuse(`the version is already ${current}`);
  }
  if (current === 'retired') {
    return refuse('the version is retired, which is final');
  }
  const allowed = NEXT_STATES[current];
  if (!allowed.includes(target)) {
    return refuse(
      `a ${current} version cannot become ${target}, only ${allowed.join(
        ' or ',
      )}`,
    );
  }
  if (target === 'retired' && usage.tenantsUsingVersion > 0) {
    return refuse(
      `${tenantsStillUsing(
        usage.tenantsUsingVersion,
      )} this version; move them to another version first`,
    );
  }
  return { allowed: true };
}

/** Only drafts may be deleted; other versions are retired instead. */
export function checkTemplateVersionDeletion(
  current: TemplateVersionState,
): TransitionCheck {
  if (current === 'draft') {
    return { allowed: true };
  }
  return refuse(
    current === 'retired'
      ? 'only drafts can be deleted'
      : 'only drafts can be deleted; retire the version instead',
  );
}
