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

import { InfoCard, Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { MAX_PAGE_LIMIT, Tenant } from '@ray-service/plugin-ray-service-common';
import { usePolledData } from '../../hooks/usePolledData';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { quotaUseOf } from '../RayTab';
import { ListContent } from '../shared';
import { TenantPhase } from '../TenantsTab';
import { isChanging } from '../TenantsTab/tenantDisplay';

/** "CPU 38%, Memory 25%, nvidia.com/gpu 50%" of one tenant's quota. */
const UsageSummary = ({ tenant }: { tenant: string }) => {
  const usage = useRayServiceData(api =>
    api.getTenantUsage({ path: { tenant } }),
  );
  if (usage.error) {
    return <Typography variant="body2">–</Typography>;
  }
  if (!usage.value) {
    return null;
  }
  const uses = quotaUseOf(usage.value);
  return (
    <Typography variant="body2">
      {uses.length === 0
        ? 'no quota yet'
        : uses
            .map(use => `${use.label} ${Math.round(use.usedPercent)}%`)
            .join(', ')}
    </Typography>
  );
};

/**
 * The Group page's "Ray tenants" card: the team's tenants (those the user
 * may read) with phase and quota use, each linked to its entity, and a link
 * to request another.
 */
export function GroupRayTenantsCard(props: {
  /** Where teams request a tenant; the scaffolder's `/create` by default. */
  createPath?: string;
}) {
  const { createPath = '/create' } = props;
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const group = stringifyEntityRef(entity);
  const state = usePolledData(
    async api =>
      (
        await api.listTenants({
          query: { owner: group, limit: MAX_PAGE_LIMIT },
        })
      ).items,
    [group],
    { changing: tenants => tenants.some(isChanging), intervalMs: 10_000 },
  );
  const create = (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<AddIcon />}
      href={createPath}
    >
      Request a Ray tenant
    </Button>
  );
  const columns: TableColumn<Tenant>[] = [
    {
      title: 'Tenant',
      field: 'name',
      render: tenant => (
        <Link
          to={entityRoute({
            kind: 'resource',
            namespace: 'default',
            name: tenant.name,
          })}
        >
          {tenant.name}
        </Link>
      ),
    },
    {
      title: 'Phase',
      field: 'phase',
      render: tenant => <TenantPhase tenant={tenant} />,
    },
    {
      title: 'Quota use',
      sorting: false,
      render: tenant => <UsageSummary tenant={tenant.name} />,
    },
    { title: 'Host cluster', field: 'hostCluster' },
  ];
  return (
    <InfoCard
      title="Ray tenants"
      deepLink={{ title: 'Request a Ray tenant', link: createPath }}
    >
      <ListContent
        state={state}
        retryLabel="Retry Ray tenants"
        empty={{
          title: 'No Ray tenants',
          description: 'The team has no Ray tenant yet, or none you may see.',
          action: create,
        }}
      >
        {tenants => (
          <Table<Tenant>
            options={{
              paging: tenants.length > 10,
              pageSize: 10,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns}
            data={tenants}
          />
        )}
      </ListContent>
    </InfoCard>
  );
}
