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

import type { AuditEvent } from '@ray-service/kube-control-plane';

/** The resourceVersion a request asked for, '' when none. */
export function resourceVersionOf(event: AuditEvent): string {
  return (
    new URL(event.requestURI, 'https://audit').searchParams.get(
      'resourceVersion',
    ) ?? ''
  );
}

/** The WATCHes of a resource opened (the audit log's `ResponseStarted`). */
export function watchesOpened(
  events: AuditEvent[],
  resource: string,
): AuditEvent[] {
  return events.filter(
    e =>
      e.verb === 'watch' &&
      e.stage === 'ResponseStarted' &&
      e.objectRef?.resource === resource,
  );
}

/** The LISTs of a resource. */
export function listsOf(events: AuditEvent[], resource: string): AuditEvent[] {
  return events.filter(
    e => e.verb === 'list' && e.objectRef?.resource === resource,
  );
}
