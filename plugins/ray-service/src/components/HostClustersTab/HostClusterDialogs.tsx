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

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { HostCluster } from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { AsyncContent, ViewDialog, YamlSnippet } from '../shared';
import { CapacitySection } from './CapacitySection';
import { PreflightSection } from './PreflightSection';

/** Preflight and capacity of one cluster, loaded when the dialog opens. */
export const HostClusterDetailsDialog = (props: {
  cluster: HostCluster;
  onClose: () => void;
}) => (
  <ViewDialog
    title={`Preflight and capacity of ${props.cluster.title}`}
    onClose={props.onClose}
  >
    <PreflightSection clusterName={props.cluster.name} />
    <Box mt={3}>
      <CapacitySection clusterName={props.cluster.name} />
    </Box>
  </ViewDialog>
);

/** The minimal RBAC the backend needs on the cluster, as YAML to apply. */
export const RbacDialog = (props: {
  cluster: HostCluster;
  onClose: () => void;
}) => {
  const { cluster, onClose } = props;
  const rbac = useRayServiceData(api =>
    api.getHostClusterRbac({ path: { name: cluster.name } }),
  );
  return (
    <ViewDialog title={`RBAC for ${cluster.title}`} onClose={onClose}>
      <Typography variant="body2" paragraph>
        Apply this instead of cluster-admin: a ServiceAccount for the Ray
        service backend with a ClusterRole limited to what it applies, reads for
        preflight and capacity, and deletes on {cluster.name}. Read the notes at
        the top before applying it with <code>kubectl apply -f rbac.yaml</code>,
        then give the backend this ServiceAccount&apos;s token in app-config.
      </Typography>
      <AsyncContent state={rbac} retryLabel="Retry loading RBAC">
        {yaml => <YamlSnippet yaml={yaml} />}
      </AsyncContent>
    </ViewDialog>
  );
};
