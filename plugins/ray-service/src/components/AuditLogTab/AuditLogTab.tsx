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

import { TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { AuditEntry } from '@ray-service/plugin-ray-service-common';
import { usePagedList } from '../../hooks/useRayServiceData';
import { ActionButton, Expandable, PagedTable } from '../shared';
import { AuditChanges } from './AuditChanges';

const columns: TableColumn<AuditEntry>[] = [
  { title: 'When', render: entry => new Date(entry.at).toLocaleString() },
  { title: 'Who', field: 'actor' },
  {
    title: 'Action',
    render: entry => <Chip size="small" label={entry.action} />,
  },
  {
    title: 'Target',
    render: entry => `${entry.target.kind} ${entry.target.name}`,
  },
  {
    title: 'Changes',
    render: entry => (
      <Expandable label="Details">
        <AuditChanges entry={entry} />
      </Expandable>
    ),
  },
];

/** Every admin change, newest first, page by page. */
export const AuditLogTab = () => {
  const entries = usePagedList((client, page) =>
    client.listAuditEntries({ query: page }),
  );
  return (
    <PagedTable
      state={entries}
      title="Audit log"
      columns={columns}
      emptyTitle="No admin changes yet"
      emptyDescription="Changes to compute profiles, template versions and host cluster facts are recorded here."
      emptyAction={<ActionButton label="Refresh" onClick={entries.retry} />}
    />
  );
};
