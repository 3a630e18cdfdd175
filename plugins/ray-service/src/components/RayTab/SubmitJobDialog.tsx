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
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { rayJobRequestSchema } from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { FormDialog, SelectInput, TextInput } from '../shared';
import { useWorkloadForm, WorkloadNameField } from './useWorkloadForm';
import {
  ClusterDraft,
  ClusterFields,
  clusterSpecOf,
  DEFAULT_CLUSTER,
} from './clusterForm';

const NEW_CLUSTER = '';

/**
 * Submits a RayJob: an entrypoint on a new cluster (shut down after the
 * job) or on one of the tenant's running clusters.
 */
export function SubmitJobDialog(props: {
  tenant: string;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { tenant } = props;
  const api = useApi(rayServiceApiRef);
  const clusters = useRayServiceData(client =>
    client.listRayClusters({ path: { tenant }, query: { limit: 500 } }),
  );
  const [name, setName] = useState('');
  const [entrypoint, setEntrypoint] = useState(
    'python -c "import ray; ray.init(); print(ray.cluster_resources())"',
  );
  const [existing, setExisting] = useState(NEW_CLUSTER);
  const [cluster, setCluster] = useState<ClusterDraft>(DEFAULT_CLUSTER);
  const form = useWorkloadForm({
    schema: rayJobRequestSchema,
    send: body => api.submitRayJob({ path: { tenant }, body }),
    kind: 'RayJob',
    verb: 'submitted',
    onDone: props.onSubmitted,
  });
  const submit = () =>
    form.submit({
      name,
      entrypoint,
      cluster:
        existing === NEW_CLUSTER
          ? { new: clusterSpecOf(cluster) }
          : { existing },
    });
  return (
    <FormDialog
      title="Submit RayJob"
      submitLabel="Submit"
      submittingLabel="Submitting…"
      submitting={form.submitting}
      formError={form.formError}
      onClose={props.onClose}
      onSubmit={submit}
      maxWidth="md"
    >
      <WorkloadNameField
        value={name}
        onChange={setName}
        error={form.fieldErrors.name}
      />
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
          draft={cluster}
          set={change => setCluster(previous => ({ ...previous, ...change }))}
          errors={form.fieldErrors}
          prefix="cluster.new"
        />
      )}
    </FormDialog>
  );
}
