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
import DeleteIcon from '@material-ui/icons/Delete';
import { RayService } from '@ray-service/plugin-ray-service-common';
import { usePolledData } from '../../hooks/usePolledData';
import { RowAction } from '../shared';
import { useConfirmedAction } from './useConfirmedAction';
import { WorkloadPermissions } from './useTenantPermissions';
import { isWorkloadChanging } from './workloadDisplay';
import { WorkloadTable } from './WorkloadTable';
import { ageOf, WorkloadStatus } from './WorkloadStatus';

/** The tenant's RayServices with their Serve applications. */
export function RayServicesCard(props: {
  tenant: string;
  permissions: WorkloadPermissions;
}) {
  const { tenant, permissions } = props;
  const state = usePolledData(
    api => api.listRayServices({ path: { tenant }, query: { limit: 500 } }),
    [tenant],
    { changing: page => page.items.some(isWorkloadChanging) },
  );
  const confirmed = useConfirmedAction(state.retry);

  const columns: TableColumn<RayService>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Status',
      field: 'phase',
      render: service => (
        <WorkloadStatus
          workload={service}
          detail={
            service.pendingClusterName
              ? `upgrading to ${service.pendingClusterName}`
              : service.serviceStatus
          }
        />
      ),
    },
    { title: 'Cluster', field: 'clusterName' },
    {
      title: 'Serve applications',
      sorting: false,
      render: service =>
        service.applications.map(app => (
          <Chip
            key={app.name}
            size="small"
            label={`${app.name}: ${app.status}`}
            title={app.message}
          />
        )),
    },
    { title: 'Age', field: 'createdAt', render: ageOf },
    {
      title: 'Actions',
      sorting: false,
      render: service =>
        permissions.delete && (
          <RowAction
            label={`Delete ${service.name}`}
            icon={<DeleteIcon />}
            onClick={() =>
              confirmed.confirm({
                title: `Delete ${service.name}?`,
                confirmLabel: 'Delete',
                body: 'The RayService, its cluster and its Serve applications are removed; their endpoints stop answering.',
                run: api =>
                  api.deleteRayService({
                    path: { tenant, name: service.name },
                  }),
                done: `${service.name} is being deleted`,
              })
            }
          />
        ),
    },
  ];

  return (
    <WorkloadTable
      title="RayServices"
      state={state}
      columns={columns}
      emptyTitle="No RayServices"
      emptyDescription="Ray Serve deployments of the tenant appear here."
    >
      {confirmed.dialog}
    </WorkloadTable>
  );
}
