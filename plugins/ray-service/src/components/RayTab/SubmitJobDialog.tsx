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
import Box from '@material-ui/core/Box';
import { rayJobRequestSchema } from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { SelectInput, TextInput } from '../shared';
import {
  useWorkloadForm,
  WorkloadDialogProps,
  WorkloadFormDialog,
} from './useWorkloadForm';
import { ClusterFields, clusterSpecOf, useClusterDraft } from './clusterForm';

const NEW_CLUSTER = '';

/**
 * Submits a RayJob: an entrypoint on a new cluster (shut down after the
 * job) or on one of the tenant's running clusters.
 */
export function SubmitJobDialog(props: WorkloadDialogProps) {
  const { tenant } = props;
  const clusters = useRayServiceData(client =>
    client.listRayClusters({ path: { tenant }, query: { limit: 500 } }),
  );
  const [entrypoint, setEntrypoint] = useState(
    'python -c "import ray; ray.init(); print(ray.cluster_resources())"',
  );
  const [existing, setExisting] = useState(NEW_CLUSTER);
  const cluster = useClusterDraft();
  const form = useWorkloadForm({
    tenant,
    schema: rayJobRequestSchema,
    send: (api, request) => api.submitRayJob(request),
    kind: 'RayJob',
    verb: 'submitted',
    onDone: props.onDone,
  });
  const submit = () =>
    form.submit({
      name: form.name,
      entrypoint,
      cluster:
        existing === NEW_CLUSTER
          ? { new: clusterSpecOf(cluster.draft) }
          : { existing },
    });
  return (
    <WorkloadFormDialog
      title="Submit RayJob"
      submitLabel="Submit"
      submittingLabel="Submitting…"
      form={form}
      onClose={props.onClose}
      onSubmit={submit}
      maxWidth="md"
    >
      <Box mb={2}>
        <TextInput
          label="Entrypoint"
          value={entrypoint}
          onChange={setEntrypoint}
          error={form.fieldErrors.entrypoint}
          hint="The command the job runs on the head, e.g. python train.py"
          multiline
          minRows={2}
          fullWidth
        />
      </Box>
      <Box mb={2}>
        <SelectInput
          label="Cluster"
          value={existing}
          onChange={setExisting}
          error={form.fieldErrors['cluster.existing']}
          options={[
            {
              value: NEW_CLUSTER,
              label: 'A new cluster, shut down after the job',
            },
            ...(clusters.value?.items ?? [])
              .filter(c => !c.ownedBy)
              .map(c => ({ value: c.name, label: `${c.name} (${c.phase})` })),
          ]}
          fullWidth
        />
      </Box>
      {existing === NEW_CLUSTER && (
        <ClusterFields
          cluster={cluster}
          errors={form.fieldErrors}
          prefix="cluster.new"
        />
      )}
    </WorkloadFormDialog>
  );
}
