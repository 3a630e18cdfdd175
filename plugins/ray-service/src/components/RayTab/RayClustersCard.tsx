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
import AddIcon from '@material-ui/icons/Add';
import DataIcon from '@material-ui/icons/BarChart';
import PauseIcon from '@material-ui/icons/Pause';
import PlayIcon from '@material-ui/icons/PlayArrow';
import ScaleIcon from '@material-ui/icons/Tune';
import { RayCluster } from '@ray-service/plugin-ray-service-common';
import { RowAction } from '../shared';
import { CreateClusterDialog } from './CreateClusterDialog';
import { RayClusterDataDialog } from './RayClusterDataDialog';
import { ScaleClusterDialog } from './ScaleClusterDialog';
import { ConfirmedRowAction, DeleteRowAction } from './useConfirmedAction';
import {
  TenantWorkloadsTable,
  useTenantWorkloads,
  WorkloadCardProps,
} from './TenantWorkloadsTable';

const workersOf = (cluster: RayCluster) =>
  cluster.workerGroups.length === 0
    ? 'head only'
    : cluster.workerGroups
        .map(g => `${g.name}: ${g.ready}/${g.desired}`)
        .join(', ');

/** The tenant's RayClusters with their status and the actions the user may take. */
export function RayClustersCard({ tenant, permissions }: WorkloadCardProps) {
  const { state, confirmed } = useTenantWorkloads(tenant, (api, request) =>
    api.listRayClusters(request),
  );
  const [dialog, setDialog] = useState<{
    kind: 'data' | 'scale';
    cluster: RayCluster;
  }>();
  const path = (cluster: RayCluster) => ({
    path: { tenant, name: cluster.name },
  });

  const suspendOrResume = (cluster: RayCluster) => {
    const suspend = cluster.phase !== 'Suspended';
    return (
      <ConfirmedRowAction
        verb={suspend ? 'Suspend' : 'Resume'}
        name={cluster.name}
        icon={suspend ? <PauseIcon /> : <PlayIcon />}
        confirm={confirmed.confirm}
        body={
          suspend
            ? 'Its pods are deleted and their quota freed; the cluster keeps its spec and can be resumed. Work in progress on it is lost.'
            : 'Its head and workers start again, within the tenant’s quota.'
        }
        run={api =>
          api.updateRayCluster({ ...path(cluster), body: { suspend } })
        }
        done={`${cluster.name} ${suspend ? 'suspended' : 'resumed'}`}
      />
    );
  };

  return (
    <TenantWorkloadsTable
      title="RayClusters"
      tenant={tenant}
      state={state}
      columns={[
        { title: 'Workers (ready/desired)', render: workersOf, sorting: false },
        {
          title: 'Made by',
          render: cluster =>
            cluster.ownedBy
              ? `${cluster.ownedBy.kind} ${cluster.ownedBy.name}`
              : '',
          sorting: false,
        },
      ]}
      actions={cluster => (
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
              {suspendOrResume(cluster)}
            </>
          )}
          {permissions.delete && !cluster.ownedBy && (
            <DeleteRowAction
              name={cluster.name}
              confirm={confirmed.confirm}
              body={
                <Typography>
                  The cluster, its pods and whatever runs on it are removed.
                  This cannot be undone.
                </Typography>
              }
              run={api => api.deleteRayCluster(path(cluster))}
            />
          )}
        </Box>
      )}
      emptyTitle="No RayClusters"
      emptyDescription="Long-running Ray clusters of the tenant appear here; clusters made by a RayJob or RayService too."
      create={
        permissions.create
          ? {
              label: 'Create cluster',
              icon: <AddIcon />,
              dialog: CreateClusterDialog,
            }
          : undefined
      }
    >
      {dialog?.kind === 'scale' && (
        <ScaleClusterDialog
          tenant={tenant}
          cluster={dialog.cluster}
          onClose={() => setDialog(undefined)}
          onScaled={() => {
            setDialog(undefined);
            state.retry();
          }}
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
    </TenantWorkloadsTable>
  );
}
