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

import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { tenantNameOf } from '../../catalog';
import { usePolledData } from '../../hooks/usePolledData';
import { QuotaChart, quotaUseOf, useTenantReadPermission } from '../RayTab';
import { AsyncContent, LabeledValue } from '../shared';
import { TenantPhase } from '../TenantsTab';
import { isChanging } from '../TenantsTab/tenantDisplay';

const TenantSummary = ({ tenant }: { tenant: string }) => {
  const state = usePolledData(
    async api => {
      const [value, usage] = await Promise.all([
        api.getTenant({ path: { name: tenant } }),
        api.getTenantUsage({ path: { tenant } }).catch(() => undefined),
      ]);
      return { tenant: value, uses: usage && quotaUseOf(usage) };
    },
    [tenant],
    { changing: ({ tenant: t }) => isChanging(t), intervalMs: 10_000 },
  );
  return (
    <AsyncContent state={state} retryLabel="Retry tenant">
      {({ tenant: value, uses }) => (
        <>
          <Box mb={1}>
            <TenantPhase tenant={value} />
          </Box>
          <LabeledValue label="Host cluster">
            {value.hostCluster} ({value.isolation})
          </LabeledValue>
          <LabeledValue label="Profile">{value.profile}</LabeledValue>
          {uses && uses.length > 0 && <QuotaChart uses={uses} />}
        </>
      )}
    </AsyncContent>
  );
};

/**
 * The tenant at a glance for the entity's Overview tab: phase, where it
 * runs, quota use, and a link to the Ray tab. Nothing at all for users who
 * may not read the tenant.
 */
export function RayTenantOverviewCard() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const tenant = tenantNameOf(entity);
  const { loading, allowed } = useTenantReadPermission(tenant);
  if (loading || !allowed) {
    return null;
  }
  const rayTab = `${entityRoute({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  })}/ray`;
  return (
    <InfoCard
      title="Ray tenant"
      deepLink={{ title: 'Workloads, logs and Ray data', link: rayTab }}
    >
      <TenantSummary tenant={tenant} />
    </InfoCard>
  );
}
