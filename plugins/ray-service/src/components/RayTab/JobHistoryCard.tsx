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

import { useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import LogsIcon from '@material-ui/icons/Subject';
import { JobHistoryEntry } from '@ray-service/plugin-ray-service-common';
import { usePolledData } from '../../hooks/usePolledData';
import { RowAction, StatusLabel } from '../shared';
import { LogsDialog } from './LogsDialog';
import { JOB_STATUS } from './workloadDisplay';
import { WorkloadTable } from './WorkloadTable';

const when = (timestamp?: string) =>
  timestamp ? new Date(timestamp).toLocaleString() : '–';

/** `1m 20s` between two timestamps. */
export function formatDuration(start?: string, end?: string): string {
  if (!start || !end) return '–';
  const seconds = Math.max(
    0,
    Math.round((Date.parse(end) - Date.parse(start)) / 1000),
  );
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes}m ${seconds % 60}s` : `${seconds}s`;
}

/** Finished jobs, newest first, kept after their cluster is gone. */
export function JobHistoryCard(props: { tenant: string }) {
  const { tenant } = props;
  const state = usePolledData(
    api => api.listJobHistory({ path: { tenant }, query: { limit: 100 } }),
    [tenant],
    { intervalMs: 15_000, maxIntervalMs: 120_000 },
  );
  const [shown, setShown] = useState<JobHistoryEntry>();
  const columns: TableColumn<JobHistoryEntry>[] = [
    { title: 'Job', field: 'name', highlight: true },
    {
      title: 'Status',
      field: 'status',
      render: entry => (
        <StatusLabel kind={JOB_STATUS[entry.status]}>
          {entry.status}
        </StatusLabel>
      ),
    },
    { title: 'Entrypoint', field: 'entrypoint' },
    { title: 'Ended', field: 'endTime', render: entry => when(entry.endTime) },
    {
      title: 'Duration',
      sorting: false,
      render: entry => formatDuration(entry.startTime, entry.endTime),
    },
    {
      title: 'Logs',
      sorting: false,
      render: entry => (
        <RowAction
          label={`Logs of ${entry.name}`}
          icon={<LogsIcon />}
          onClick={() => setShown(entry)}
        />
      ),
    },
  ];
  return (
    <WorkloadTable
      title="Job history"
      state={state}
      columns={columns}
      emptyTitle="No finished jobs"
      emptyDescription="Jobs appear here when they finish, with the end of their log."
    >
      {shown && (
        <LogsDialog
          title={`Logs of ${shown.name} (finished)`}
          load={async () => ({
            logs: shown.logTail,
            truncated: true,
            source: 'history',
          })}
          onClose={() => setShown(undefined)}
        />
      )}
    </WorkloadTable>
  );
}
