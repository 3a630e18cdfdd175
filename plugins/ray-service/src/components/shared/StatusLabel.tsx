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

import { ReactNode } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

export type StatusKind = 'ok' | 'pending' | 'warning' | 'error' | 'aborted';

const STATUS_COMPONENTS = {
  ok: StatusOK,
  pending: StatusPending,
  warning: StatusWarning,
  error: StatusError,
  aborted: StatusAborted,
};

/**
 * A status icon in its colour with a text, e.g. a tenant's phase or a
 * preflight check's outcome. Unlike Backstage's bare status components, the
 * text is not hidden from screen readers.
 */
export function StatusLabel(props: { kind: StatusKind; children: ReactNode }) {
  const Status = STATUS_COMPONENTS[props.kind];
  return (
    <Status aria-hidden={false} aria-label={undefined} data-status={props.kind}>
      {props.children}
    </Status>
  );
}
