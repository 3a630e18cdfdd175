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
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { MAX_PAGE_LIMIT, Tenant } from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { usePagedList } from '../../hooks/useRayServiceData';
import { useReloadEvery } from '../../hooks/usePolling';
import { ActionButton, ConfirmDialog, PagedTable } from '../shared';
import { CreateTenantDialog } from './CreateTenantDialog';
import { tenantColumns } from './tenantColumns';
import { TenantDetails } from './TenantDetails';
import { isChanging } from './tenantDisplay';
import { UpgradeTenantDialog } from './UpgradeTenantDialog';

/** How often the list reloads while a tenant is still changing. */
export const TENANT_POLL_INTERVAL_MS = 5000;

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'details'; name: string }
  | { kind: 'upgrade'; tenant: Tenant }
  | { kind: 'delete'; tenant: Tenant };

/**
 * The tenants: their phase and conditions, kept fresh while any of them is
 * changing; create (with a dry run), upgrade and delete.
 */
export const TenantsTab = (props: { pollIntervalMs?: number }) => {
  const { pollIntervalMs = TENANT_POLL_INTERVAL_MS } = props;
  const api = useApi(rayServiceApiRef);
  const alertApi = useApi(alertApiRef);
  // Large pages: a reload (each poll) keeps only the first page.
  const tenants = usePagedList((client, page) =>
    client.listTenants({ query: { ...page, limit: MAX_PAGE_LIMIT } }),
  );
  const [dialog, setDialog] = useState<OpenDialog>();

  useReloadEvery(
    tenants,
    pollIntervalMs,
    (tenants.value ?? []).some(isChanging),
  );

  const done = (message: string) => {
    setDialog(undefined);
    alertApi.post({ message, severity: 'success', display: 'transient' });
    tenants.retry();
  };

  // The drawer shows the polled tenant, so its conditions stay current.
  const detailsOf =
    dialog?.kind === 'details'
      ? tenants.value?.find(tenant => tenant.name === dialog.name)
      : undefined;

  return (
    <>
      <PagedTable
        state={tenants}
        title="Tenants"
        columns={tenantColumns(
          {
            onDetails: tenant =>
              setDialog({ kind: 'details', name: tenant.name }),
            onUpgrade: tenant => setDialog({ kind: 'upgrade', tenant }),
            onDelete: tenant => setDialog({ kind: 'delete', tenant }),
          },
          Date.now(),
        )}
        emptyTitle="No tenants yet"
        emptyDescription="A tenant gives a team its own Ray environment on a host cluster: a namespace with a quota and a queue, and a vcluster or a namespaced KubeRay operator. Create the first one."
        action={
          <ActionButton
            label="Create tenant"
            icon={<AddIcon />}
            onClick={() => setDialog({ kind: 'create' })}
          />
        }
      />
      {dialog?.kind === 'create' && (
        <CreateTenantDialog
          onClose={() => setDialog(undefined)}
          onCreated={tenant =>
            done(`Creating ${tenant.name} on ${tenant.hostCluster}`)
          }
        />
      )}
      {detailsOf && (
        <TenantDetails
          tenant={detailsOf}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'upgrade' && (
        <UpgradeTenantDialog
          tenant={dialog.tenant}
          onClose={() => setDialog(undefined)}
          onUpgraded={tenant =>
            done(`Upgrading ${tenant.name} to ${tenant.templateVersion}`)
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete tenant ${dialog.tenant.name}?`}
          confirmLabel="Delete"
          onConfirm={async () => {
            await api.deleteTenant({ path: { name: dialog.tenant.name } });
            done(`Deleting ${dialog.tenant.name}`);
          }}
          onClose={() => setDialog(undefined)}
        >
          <Typography>
            This removes everything the tenant owns on{' '}
            {dialog.tenant.hostCluster}: the namespace {dialog.tenant.namespace}{' '}
            with its Ray clusters, jobs and data, its quota and queue
            {dialog.tenant.isolation === 'vcluster'
              ? ' and its vcluster'
              : ' and its KubeRay operator'}
            . It cannot be undone.
          </Typography>
        </ConfirmDialog>
      )}
    </>
  );
};
