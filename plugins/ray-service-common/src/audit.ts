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
import { timestampSchema } from './validation';

/**
 * Every change the audit log records, as `<target kind>.<verb>`: admins'
 * changes, tenants' create, upgrade and delete, and the changes of tenants'
 * Ray workloads (targets named `<tenant>/<name>`).
 */
export const AUDIT_ACTIONS = [
  'profile.create',
  'profile.update',
  'profile.delete',
  'template.import',
  'template.publish',
  'template.deprecate',
  'template.retire',
  'template.share',
  'template.delete',
  'hostCluster.update',
  'tenant.create',
  'tenant.upgrade',
  'tenant.delete',
  'tenant.claim',
  'pool.add',
  'pool.remove',
  'rayCluster.create',
  'rayCluster.update',
  'rayCluster.delete',
  'rayJob.submit',
  'rayJob.stop',
  'rayJob.delete',
  'rayService.create',
  'rayService.update',
  'rayService.delete',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_KINDS = [
  'profile',
  'template',
  'hostCluster',
  'tenant',
  'pool',
  'rayCluster',
  'rayJob',
  'rayService',
] as const;

export type AuditTargetKind = (typeof AUDIT_TARGET_KINDS)[number];

/** One recorded change: who did what to which object, and when. */
export const auditEntrySchema = z
  .object({
    id: z.string().min(1),
    at: timestampSchema,
    /** Entity ref of the user, or the subject of a service principal. */
    actor: z.string().min(1),
    action: z.enum(AUDIT_ACTIONS),
    /** Templates are named by their version ref, e.g. `kuberay@1.2.0`. */
    target: z.object({
      kind: z.enum(AUDIT_TARGET_KINDS),
      name: z.string().min(1),
    }),
    /** The object before the change; absent for creations and imports. */
    before: z.unknown().optional(),
    /** The object after the change; absent for deletions. */
    after: z.unknown().optional(),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The kind of object an action changes: `template.publish` → `template`. */
export function auditTargetKindOf(action: AuditAction): AuditTargetKind {
  return action.slice(0, action.indexOf('.')) as AuditTargetKind;
}
