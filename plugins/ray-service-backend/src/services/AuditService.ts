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
  RecordedAuditAction,
  RecordedAuditEntry,
  recordedTargetKindOf,
} from '../auditActions';
import { Page, PageRequest } from '../lib/pagination';
import { RayServiceStore } from '../store/RayServiceStore';

/** One change to record: an admin's, or a tenant's create, upgrade or delete. */
export interface AuditedChange {
  actor: string;
  action: RecordedAuditAction;
  /** The object's name; template versions as `name@version`. */
  targetName: string;
  /** Absent for creations. */
  before?: unknown;
  /** Absent for deletions. */
  after?: unknown;
}

/**
 * The audit log: every admin change and every tenant create, upgrade and
 * delete, written with the change itself.
 */
export class AuditService {
  constructor(private readonly store: RayServiceStore) {}

  /** Appends an entry inside `tx`, the transaction making the change. */
  async record(tx: RayServiceStore, change: AuditedChange): Promise<void> {
    await tx.appendAuditEntry({
      at: new Date().toISOString(),
      actor: change.actor,
      action: change.action,
      target: {
        kind: recordedTargetKindOf(change.action),
        name: change.targetName,
      },
      ...(change.before !== undefined && { before: change.before }),
      ...(change.after !== undefined && { after: change.after }),
    });
  }

  list(page: PageRequest): Promise<Page<RecordedAuditEntry>> {
    return this.store.listAuditEntries(page);
  }
}
