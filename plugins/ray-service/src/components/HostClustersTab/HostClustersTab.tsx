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

import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { HostCluster } from '@ray-service/plugin-ray-service-common';
import useAsync from 'react-use/esm/useAsync';
import { rayServiceApiRef } from '../../api';

const columns: TableColumn<HostCluster>[] = [
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
    render: cluster =>
      cluster.reachability.reachable
        ? cluster.reachability.kubernetesVersion
        : '—',
  },
];

/** The configured host clusters with their reachability. */
export const HostClustersTab = () => {
  const api = useApi(rayServiceApiRef);
  const { value, loading, error } = useAsync(() => api.listHostClusters(), [
    api,
  ]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.items.length) {
    return (
      <EmptyState
        missing="data"
        title="No host clusters configured"
        description="Declare host clusters under rayService.hostClusters in app-config.yaml; credentials stay in config."
      />
    );
  }
  return (
    <Table
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={value.items}
      title={`${value.items.length} host cluster(s)`}
    />
  );
};
