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
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import DataIcon from '@material-ui/icons/BarChart';
import PauseIcon from '@material-ui/icons/Pause';
import PlayIcon from '@material-ui/icons/PlayArrow';
import ScaleIcon from '@material-ui/icons/Tune';
import { RayCluster } from '@ray-service/plugin-ray-service-common';
import { usePolledData } from '../../hooks/usePolledData';
import { ActionButton, RowAction } from '../shared';
import { CreateClusterDialog } from './CreateClusterDialog';
import { RayClusterDataDialog } from './RayClusterDataDialog';
import { ScaleClusterDialog } from './ScaleClusterDialog';
import { useConfirmedAction } from './useConfirmedAction';
import { WorkloadPermissions } from './useTenantPermissions';
import { isWorkloadChanging } from './workloadDisplay';
import { WorkloadTable } from './WorkloadTable';
import { ageOf, WorkloadStatus } from './WorkloadStatus';

const workersOf = (cluster: RayCluster) =>
  cluster.workerGroups.length === 0
    ? 'head only'
    : cluster.workerGroups
        .map(g => `${g.name}: ${g.ready}/${g.desired}`)
        .join(', ');

/** The tenant's RayClusters with their status and the actions the user may take. */
export function RayClustersCard(props: {
  tenant: string;
  permissions: WorkloadPermissions;
}) {
  const { tenant, permissions } = props;
  const state = usePolledData(
    api => api.listRayClusters({ path: { tenant }, query: { limit: 500 } }),
    [tenant],
    { changing: page => page.items.some(isWorkloadChanging) },
  );
  const [dialog, setDialog] = useState<
    | { kind: 'create' }
    | { kind: 'data' | 'scale'; cluster: RayCluster }
    | undefined
  >();
  const closeAndReload = () => {
    setDialog(undefined);
    state.retry();
  };
  const confirmed = useConfirmedAction(state.retry);
  const path = (cluster: RayCluster) => ({
    path: { tenant, name: cluster.name },
  });

  const suspendOrResume = (cluster: RayCluster) => {
    const suspend = cluster.phase !== 'Suspended';
    confirmed.confirm({
      title: `${suspend ? 'Suspend' : 'Resume'} ${cluster.name}?`,
      confirmLabel: suspend ? 'Suspend' : 'Resume',
      body: suspend
        ? 'Its pods are deleted and their quota freed; the cluster keeps its spec and can be resumed. Work in progress on it is lost.'
        : 'Its head and workers start again, within the tenant’s quota.',
      run: api => api.updateRayCluster({ ...path(cluster), body: { suspend } }),
      done: `${cluster.name} ${suspend ? 'suspended' : 'resumed'}`,
    });
  };

  const columns: TableColumn<RayCluster>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Status',
      field: 'phase',
      render: cluster => <WorkloadStatus workload={cluster} />,
    },
    { title: 'Workers (ready/desired)', render: workersOf, sorting: false },
    {
      title: 'Made by',
      render: cluster =>
        cluster.ownedBy
          ? `${cluster.ownedBy.kind} ${cluster.ownedBy.name}`
          : '',
      sorting: false,
    },
    { title: 'Age', field: 'createdAt', render: ageOf },
    {
      title: 'Actions',
      sorting: false,
      render: cluster => (
        <Box display="flex">
          <RowAction
            label={`Ray data of ${cluster.name}`}
            icon={<DataIcon />}
            onClick={() => setDialog({ kind: 'data', cluster })}
          />
          {permissions.update && !cluster.ownedBy && (
            <>
              <RowAction
                label={`Scale ${cluster.name}`}
                icon={<ScaleIcon />}
                disabled={cluster.workerGroups.length === 0}
                onClick={() => setDialog({ kind: 'scale', cluster })}
              />
              <RowAction
                label={`${
                  cluster.phase === 'Suspended' ? 'Resume' : 'Suspend'
                } ${cluster.name}`}
                icon={
                  cluster.phase === 'Suspended' ? <PlayIcon /> : <PauseIcon />
                }
                onClick={() => suspendOrResume(cluster)}
              />
            </>
          )}
          {permissions.delete && !cluster.ownedBy && (
            <RowAction
              label={`Delete ${cluster.name}`}
              icon={<DeleteIcon />}
              onClick={() =>
                confirmed.confirm({
                  title: `Delete ${cluster.name}?`,
                  confirmLabel: 'Delete',
                  body: (
                    <Typography>
                      The cluster, its pods and whatever runs on it are removed.
                      This cannot be undone.
                    </Typography>
                  ),
                  run: api => api.deleteRayCluster(path(cluster)),
                  done: `${cluster.name} is being deleted`,
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
      title="RayClusters"
      state={state}
      columns={columns}
      emptyTitle="No RayClusters"
      emptyDescription="Long-running Ray clusters of the tenant appear here; clusters made by a RayJob or RayService too."
      action={
        permissions.create ? (
          <ActionButton
            label="Create cluster"
            icon={<AddIcon />}
            onClick={() => setDialog({ kind: 'create' })}
          />
        ) : undefined
      }
    >
      {dialog?.kind === 'create' && (
        <CreateClusterDialog
          tenant={tenant}
          onClose={() => setDialog(undefined)}
          onCreated={closeAndReload}
        />
      )}
      {dialog?.kind === 'scale' && (
        <ScaleClusterDialog
          tenant={tenant}
          cluster={dialog.cluster}
          onClose={() => setDialog(undefined)}
          onScaled={closeAndReload}
        />
      )}
      {dialog?.kind === 'data' && (
        <RayClusterDataDialog
          tenant={tenant}
          cluster={dialog.cluster.name}
          onClose={() => setDialog(undefined)}
        />
      )}
      {confirmed.dialog}
    </WorkloadTable>
  );
}
