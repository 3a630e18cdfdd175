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

import Chip from '@material-ui/core/Chip';
import { DeleteRowAction } from './useConfirmedAction';
import {
  TenantWorkloadsTable,
  useTenantWorkloads,
  WorkloadCardProps,
} from './TenantWorkloadsTable';

/** The tenant's RayServices with their Serve applications. */
export function RayServicesCard({ tenant, permissions }: WorkloadCardProps) {
  const { state, confirmed } = useTenantWorkloads(tenant, (api, request) =>
    api.listRayServices(request),
  );

  return (
    <TenantWorkloadsTable
      title="RayServices"
      tenant={tenant}
      state={state}
      detail={service =>
        service.pendingClusterName
          ? `upgrading to ${service.pendingClusterName}`
          : service.serviceStatus
      }
      columns={[
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
      ]}
      actions={service =>
        permissions.delete && (
          <DeleteRowAction
            name={service.name}
            confirm={confirmed.confirm}
            body="The RayService, its cluster and its Serve applications are removed; their endpoints stop answering."
            run={api =>
              api.deleteRayService({ path: { tenant, name: service.name } })
            }
          />
        )
      }
      emptyTitle="No RayServices"
      emptyDescription="Ray Serve deployments of the tenant appear here."
    >
      {confirmed.dialog}
    </TenantWorkloadsTable>
  );
}
