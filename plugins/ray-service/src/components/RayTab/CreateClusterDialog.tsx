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

import { rayClusterRequestSchema } from '@ray-service/plugin-ray-service-common';
import {
  useWorkloadForm,
  WorkloadDialogProps,
  WorkloadFormDialog,
} from './useWorkloadForm';
import { ClusterFields, clusterSpecOf, useClusterDraft } from './clusterForm';

/** Creates a RayCluster in the tenant, checked with the API's schema first. */
export function CreateClusterDialog(props: WorkloadDialogProps) {
  const cluster = useClusterDraft();
  const form = useWorkloadForm({
    tenant: props.tenant,
    schema: rayClusterRequestSchema,
    send: (api, request) => api.createRayCluster(request),
    kind: 'RayCluster',
    verb: 'created',
    onDone: props.onDone,
  });
  return (
    <WorkloadFormDialog
      title="Create RayCluster"
      submitLabel="Create"
      submittingLabel="Creating…"
      form={form}
      onClose={props.onClose}
      onSubmit={() =>
        form.submit({ name: form.name, spec: clusterSpecOf(cluster.draft) })
      }
    >
      <ClusterFields
        cluster={cluster}
        errors={form.fieldErrors}
        prefix="spec"
      />
    </WorkloadFormDialog>
  );
}
