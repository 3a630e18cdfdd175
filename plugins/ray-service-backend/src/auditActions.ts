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
  AuditAction,
  AuditEntry,
  auditTargetKindOf,
  AuditTargetKind,
} from '@ray-service/plugin-ray-service-common';

/**
 * Tenant changes. The audit log records them beside the admin changes;
 * common's `AUDIT_ACTIONS` does not list them yet, so the backend extends
 * the list here (one place) until common does.
 */
export const TENANT_AUDIT_ACTIONS = [
  'tenant.create',
  'tenant.upgrade',
  'tenant.delete',
] as const;

export type TenantAuditAction = (typeof TENANT_AUDIT_ACTIONS)[number];

/** Every action the audit log records. */
export type RecordedAuditAction = AuditAction | TenantAuditAction;

export type RecordedAuditTargetKind = AuditTargetKind | 'tenant';

/** An audit entry as the backend records and lists it. */
export type RecordedAuditEntry = Omit<AuditEntry, 'action' | 'target'> & {
  action: RecordedAuditAction;
  target: { kind: RecordedAuditTargetKind; name: string };
};

function isTenantAction(
  action: RecordedAuditAction,
): action is TenantAuditAction {
  return (TENANT_AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The kind of object an action changes: `tenant.upgrade` → `tenant`. */
export function recordedTargetKindOf(
  action: RecordedAuditAction,
): RecordedAuditTargetKind {
  return isTenantAction(action) ? 'tenant' : auditTargetKindOf(action);
}
