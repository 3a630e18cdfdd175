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

import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { tenantNameOf } from '../../catalog';
import { JobHistoryCard } from './JobHistoryCard';
import { QuotaCard } from './QuotaCard';
import { RayClustersCard } from './RayClustersCard';
import { RayJobsCard } from './RayJobsCard';
import { RayServicesCard } from './RayServicesCard';
import { TenantHealthCard } from './TenantHealthCard';
import {
  useTenantReadPermission,
  useWorkloadPermissions,
} from './useTenantPermissions';

const TenantCards = ({ tenant }: { tenant: string }) => {
  const permissions = useWorkloadPermissions(tenant);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} lg={7}>
        <TenantHealthCard tenant={tenant} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <QuotaCard tenant={tenant} />
      </Grid>
      <Grid item xs={12}>
        <RayJobsCard tenant={tenant} permissions={permissions} />
      </Grid>
      <Grid item xs={12}>
        <RayClustersCard tenant={tenant} permissions={permissions} />
      </Grid>
      <Grid item xs={12}>
        <RayServicesCard tenant={tenant} permissions={permissions} />
      </Grid>
      <Grid item xs={12}>
        <JobHistoryCard tenant={tenant} />
      </Grid>
    </Grid>
  );
};

/**
 * The Ray tab of a tenant entity: health, quota use, workloads with the
 * actions the user may take, logs, Ray data and the job history. Users who
 * may not read the tenant see no Ray data, and none is requested.
 */
export function RayTenantContent() {
  const { entity } = useEntity();
  const tenant = tenantNameOf(entity);
  const { loading, allowed } = useTenantReadPermission(tenant);
  if (loading) {
    return <Progress />;
  }
  if (!allowed) {
    return (
      <EmptyState
        missing="info"
        title="No access to this tenant's Ray data"
        description="Only the tenant's team (and Ray service admins) see its workloads. Ask the owning team if you need access."
      />
    );
  }
  return <TenantCards tenant={tenant} />;
}
