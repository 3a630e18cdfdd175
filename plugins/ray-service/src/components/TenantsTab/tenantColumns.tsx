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
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import UpgradeIcon from '@material-ui/icons/Publish';
import { Tenant } from '@ray-service/plugin-ray-service-common';
import { RowAction, StatusLabel } from '../shared';
import { firstUnmetCondition, formatAge, PHASE_STATUS } from './tenantDisplay';

export interface TenantRowActions {
  onDetails: (tenant: Tenant) => void;
  onUpgrade: (tenant: Tenant) => void;
  onDelete: (tenant: Tenant) => void;
}

/** The phase in its colour and, unless Ready, the condition holding it up. */
export const TenantPhase = ({ tenant }: { tenant: Tenant }) => {
  const unmet =
    tenant.phase === 'Ready'
      ? undefined
      : firstUnmetCondition(tenant.conditions);
  return (
    <>
      <StatusLabel kind={PHASE_STATUS[tenant.phase]}>
        {tenant.phase}
      </StatusLabel>
      {unmet && (
        <Typography variant="caption" color="textSecondary" display="block">
          {unmet.type}: {unmet.reason}
        </Typography>
      )}
    </>
  );
};

/** The columns of the tenants table, with the row actions. */
export function tenantColumns(
  actions: TenantRowActions,
  now: number,
): TableColumn<Tenant>[] {
  return [
    { title: 'Name', field: 'name' },
    { title: 'Owner', field: 'owner' },
    { title: 'Phase', render: tenant => <TenantPhase tenant={tenant} /> },
    { title: 'Profile', field: 'profile' },
    { title: 'Template version', field: 'templateVersion' },
    { title: 'Host cluster', field: 'hostCluster' },
    { title: 'Isolation', field: 'isolation' },
    {
      title: 'Age',
      render: tenant => (
        <span title={new Date(tenant.createdAt).toLocaleString()}>
          {formatAge(tenant.createdAt, now)}
        </span>
      ),
    },
    {
      title: 'Actions',
      render: tenant => {
        const deleting = tenant.phase === 'Deleting';
        return (
          <Box display="flex">
            <RowAction
              label={`Details of ${tenant.name}`}
              icon={<InfoIcon />}
              onClick={() => actions.onDetails(tenant)}
            />
            <RowAction
              label={`Upgrade ${tenant.name}`}
              icon={<UpgradeIcon />}
              onClick={() => actions.onUpgrade(tenant)}
              disabled={deleting}
            />
            <RowAction
              label={`Delete ${tenant.name}`}
              icon={<DeleteIcon />}
              onClick={() => actions.onDelete(tenant)}
              disabled={deleting}
            />
          </Box>
        );
      },
    },
  ];
}
