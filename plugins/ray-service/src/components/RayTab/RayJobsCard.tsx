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
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import LogsIcon from '@material-ui/icons/Subject';
import SendIcon from '@material-ui/icons/Send';
import StopIcon from '@material-ui/icons/Stop';
import { RayJob } from '@ray-service/plugin-ray-service-common';
import { RowAction } from '../shared';
import { LogsDialog } from './LogsDialog';
import { SubmitJobDialog } from './SubmitJobDialog';
import { ConfirmedRowAction, DeleteRowAction } from './useConfirmedAction';
import {
  TenantWorkloadsTable,
  useTenantWorkloads,
  WorkloadCardProps,
} from './TenantWorkloadsTable';

const isRunning = (job: RayJob) =>
  job.phase === 'Running' ||
  job.phase === 'Pending' ||
  job.phase === 'Provisioning';

/** The tenant's RayJobs: status, logs, and submit/stop/delete as allowed. */
export function RayJobsCard({ tenant, permissions }: WorkloadCardProps) {
  const { state, confirmed } = useTenantWorkloads(tenant, (api, request) =>
    api.listRayJobs(request),
  );
  const [logsOf, setLogsOf] = useState<RayJob>();
  const path = (job: RayJob) => ({ path: { tenant, name: job.name } });

  return (
    <TenantWorkloadsTable
      title="RayJobs"
      tenant={tenant}
      state={state}
      detail={job =>
        job.jobStatus && job.jobStatus !== 'SUCCEEDED'
          ? `Ray: ${job.jobStatus}`
          : undefined
      }
      columns={[
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
      ]}
      actions={job => (
        <Box display="flex">
          <RowAction
            label={`Logs of ${job.name}`}
            icon={<LogsIcon />}
            onClick={() => setLogsOf(job)}
          />
          {permissions.update && isRunning(job) && (
            <ConfirmedRowAction
              verb="Stop"
              name={job.name}
              icon={<StopIcon />}
              confirm={confirmed.confirm}
              body="Ray stops the job; its output so far stays in the logs."
              run={api => api.stopRayJob(path(job))}
              done={`${job.name} is stopping`}
            />
          )}
          {permissions.delete && (
            <DeleteRowAction
              name={job.name}
              confirm={confirmed.confirm}
              body={
                job.newCluster
                  ? 'The RayJob and the cluster it made are removed; a finished job stays in the job history.'
                  : 'The RayJob is removed; a finished job stays in the job history.'
              }
              run={api => api.deleteRayJob(path(job))}
            />
          )}
        </Box>
      )}
      emptyTitle="No RayJobs"
      emptyDescription="Batch jobs of the tenant appear here while their RayJob exists; finished ones stay in the job history."
      create={
        permissions.create
          ? { label: 'Submit job', icon: <SendIcon />, dialog: SubmitJobDialog }
          : undefined
      }
    >
      {logsOf && (
        <LogsDialog
          title={`Logs of ${logsOf.name}`}
          running={isRunning(logsOf)}
          load={api =>
            api.getRayJobLogs({ ...path(logsOf), query: { tail: 1000 } })
          }
          onClose={() => setLogsOf(undefined)}
        />
      )}
      {confirmed.dialog}
    </TenantWorkloadsTable>
  );
}
