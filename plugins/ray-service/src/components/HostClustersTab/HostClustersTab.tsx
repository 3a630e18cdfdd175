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

import { useMemo, useState } from 'react';
import {
  StatusError,
  StatusOK,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { HostCluster } from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { ListContent } from '../shared';
import { EditFactsDialog } from './EditFactsDialog';
import { HostClusterDetailsDialog, RbacDialog } from './HostClusterDialogs';
import {
  InfrastructureSummary,
  LabelChips,
  VersionSupport,
} from './HostClusterFacts';

type DialogKind = 'edit' | 'details' | 'rbac';

function columns(
  open: (kind: DialogKind, cluster: HostCluster) => void,
): TableColumn<HostCluster>[] {
  return [
    { title: 'Name', field: 'name' },
    { title: 'Title', field: 'title' },
    { title: 'API server', field: 'url' },
    {
      title: 'Reachability',
      render: cluster =>
        cluster.reachability.reachable ? (
          <StatusOK>Reachable</StatusOK>
        ) : (
          <StatusError>Unreachable: {cluster.reachability.error}</StatusError>
        ),
    },
    {
      title: 'Kubernetes version',
      render: cluster => (
        <>
          {cluster.reachability.reachable
            ? cluster.reachability.kubernetesVersion
            : '—'}
          <VersionSupport support={cluster.versionSupport} />
        </>
      ),
    },
    {
      title: 'Infrastructure',
      render: cluster => <InfrastructureSummary facts={cluster.facts} />,
    },
    {
      title: 'Labels',
      render: cluster => <LabelChips labels={cluster.facts?.labels} />,
    },
    {
      title: 'Actions',
      render: cluster => (
        <Box display="flex" flexDirection="column" alignItems="flex-start">
          <Button
            size="small"
            aria-label={`Edit facts of ${cluster.name}`}
            onClick={() => open('edit', cluster)}
          >
            Edit facts
          </Button>
          <Button
            size="small"
            aria-label={`Preflight and capacity of ${cluster.name}`}
            onClick={() => open('details', cluster)}
          >
            Preflight &amp; capacity
          </Button>
          <Button
            size="small"
            aria-label={`RBAC YAML of ${cluster.name}`}
            onClick={() => open('rbac', cluster)}
          >
            RBAC YAML
          </Button>
        </Box>
      ),
    },
  ];
}

/**
 * The configured host clusters: reachability, version support and facts;
 * preflight, capacity and the RBAC to apply, each loaded when opened.
 */
export const HostClustersTab = () => {
  const alertApi = useApi(alertApiRef);
  const clusters = useRayServiceData(api =>
    api.listHostClusters().then(response => response.items),
  );
  const [dialog, setDialog] = useState<{
    kind: DialogKind;
    cluster: HostCluster;
  }>();
  const tableColumns = useMemo(
    () => columns((kind, cluster) => setDialog({ kind, cluster })),
    [],
  );
  const close = () => setDialog(undefined);

  const saved = (cluster: HostCluster) => {
    close();
    alertApi.post({
      message: `Saved the facts of ${cluster.title}`,
      severity: 'success',
      display: 'transient',
    });
    clusters.retry();
  };

  return (
    <>
      <ListContent
        state={clusters}
        empty={{
          title: 'No host clusters configured',
          description:
            'Declare host clusters under rayService.hostClusters in app-config.yaml; credentials stay in config.',
          action: (
            <Button
              variant="contained"
              color="primary"
              onClick={clusters.retry}
            >
              Check again
            </Button>
          ),
        }}
      >
        {items => (
          <Table
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={tableColumns}
            data={items}
            title={`${items.length} host cluster(s)`}
          />
        )}
      </ListContent>
      {dialog?.kind === 'edit' && (
        <EditFactsDialog
          cluster={dialog.cluster}
          onClose={close}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'details' && (
        <HostClusterDetailsDialog cluster={dialog.cluster} onClose={close} />
      )}
      {dialog?.kind === 'rbac' && (
        <RbacDialog cluster={dialog.cluster} onClose={close} />
      )}
    </>
  );
};
