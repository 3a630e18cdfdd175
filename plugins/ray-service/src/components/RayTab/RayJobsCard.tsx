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
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import LogsIcon from '@material-ui/icons/Subject';
import SendIcon from '@material-ui/icons/Send';
import StopIcon from '@material-ui/icons/Stop';
import { RayJob } from '@ray-service/plugin-ray-service-common';
import { usePolledData } from '../../hooks/usePolledData';
import { ActionButton, RowAction } from '../shared';
import { LogsDialog } from './LogsDialog';
import { SubmitJobDialog } from './SubmitJobDialog';
import { useConfirmedAction } from './useConfirmedAction';
import { WorkloadPermissions } from './useTenantPermissions';
import { isWorkloadChanging } from './workloadDisplay';
import { WorkloadTable } from './WorkloadTable';
import { ageOf, WorkloadStatus } from './WorkloadStatus';

const isRunning = (job: RayJob) =>
  job.phase === 'Running' ||
  job.phase === 'Pending' ||
  job.phase === 'Provisioning';

/** The tenant's RayJobs: status, logs, and submit/stop/delete as allowed. */
export function RayJobsCard(props: {
  tenant: string;
  permissions: WorkloadPermissions;
}) {
  const { tenant, permissions } = props;
  const state = usePolledData(
    api => api.listRayJobs({ path: { tenant }, query: { limit: 500 } }),
    [tenant],
    { changing: page => page.items.some(isWorkloadChanging) },
  );
  const [dialog, setDialog] = useState<
    { kind: 'submit' } | { kind: 'logs'; job: RayJob } | undefined
  >();
  const confirmed = useConfirmedAction(state.retry);
  const path = (job: RayJob) => ({ path: { tenant, name: job.name } });

  const columns: TableColumn<RayJob>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Status',
      field: 'phase',
      render: job => (
        <WorkloadStatus
          workload={job}
          detail={
            job.jobStatus && job.jobStatus !== 'SUCCEEDED'
              ? `Ray: ${job.jobStatus}`
              : undefined
          }
        />
      ),
    },
    {
      title: 'Entrypoint',
      field: 'entrypoint',
      render: job => (
        <Typography
          variant="body2"
          style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
        >
          {job.entrypoint.length > 80
            ? `${job.entrypoint.slice(0, 80)}…`
            : job.entrypoint}
        </Typography>
      ),
    },
    {
      title: 'Cluster',
      render: job =>
        `${job.clusterName ?? '–'}${job.newCluster ? ' (own)' : ''}`,
      sorting: false,
    },
    { title: 'Age', field: 'createdAt', render: ageOf },
    {
      title: 'Actions',
      sorting: false,
      render: job => (
        <Box display="flex">
          <RowAction
            label={`Logs of ${job.name}`}
            icon={<LogsIcon />}
            onClick={() => setDialog({ kind: 'logs', job })}
          />
          {permissions.update && isRunning(job) && (
            <RowAction
              label={`Stop ${job.name}`}
              icon={<StopIcon />}
              onClick={() =>
                confirmed.confirm({
                  title: `Stop ${job.name}?`,
                  confirmLabel: 'Stop',
                  body: 'Ray stops the job; its output so far stays in the logs.',
                  run: api => api.stopRayJob(path(job)),
                  done: `${job.name} is stopping`,
                })
              }
            />
          )}
          {permissions.delete && (
            <RowAction
              label={`Delete ${job.name}`}
              icon={<DeleteIcon />}
              onClick={() =>
                confirmed.confirm({
                  title: `Delete ${job.name}?`,
                  confirmLabel: 'Delete',
                  body: job.newCluster
                    ? 'The RayJob and the cluster it made are removed; a finished job stays in the job history.'
                    : 'The RayJob is removed; a finished job stays in the job history.',
                  run: api => api.deleteRayJob(path(job)),
                  done: `${job.name} is being deleted`,
                })
              }
            />
          )}
        </Box>
      ),
    },
  ];

  return (
    <WorkloadTable
      title="RayJobs"
      state={state}
      columns={columns}
      emptyTitle="No RayJobs"
      emptyDescription="Batch jobs of the tenant appear here while their RayJob exists; finished ones stay in the job history."
      action={
        permissions.create ? (
          <ActionButton
            label="Submit job"
            icon={<SendIcon />}
            onClick={() => setDialog({ kind: 'submit' })}
          />
        ) : undefined
      }
    >
      {dialog?.kind === 'submit' && (
        <SubmitJobDialog
          tenant={tenant}
          onClose={() => setDialog(undefined)}
          onSubmitted={() => {
            setDialog(undefined);
            state.retry();
          }}
        />
      )}
      {dialog?.kind === 'logs' && (
        <LogsDialog
          title={`Logs of ${dialog.job.name}`}
          running={isRunning(dialog.job)}
          load={api =>
            api.getRayJobLogs({ ...path(dialog.job), query: { tail: 1000 } })
          }
          onClose={() => setDialog(undefined)}
        />
      )}
      {confirmed.dialog}
    </WorkloadTable>
  );
}
