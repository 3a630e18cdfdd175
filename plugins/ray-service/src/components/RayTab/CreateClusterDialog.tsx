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
import { rayClusterRequestSchema } from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { FormDialog } from '../shared';
import { useWorkloadForm, WorkloadNameField } from './useWorkloadForm';
import {
  ClusterDraft,
  ClusterFields,
  clusterSpecOf,
  DEFAULT_CLUSTER,
} from './clusterForm';

/** Creates a RayCluster in the tenant, checked with the API's schema first. */
export function CreateClusterDialog(props: {
  tenant: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { tenant } = props;
  const api = useApi(rayServiceApiRef);
  const [name, setName] = useState('');
  const [cluster, setCluster] = useState<ClusterDraft>(DEFAULT_CLUSTER);
  const form = useWorkloadForm({
    schema: rayClusterRequestSchema,
    send: body => api.createRayCluster({ path: { tenant }, body }),
    kind: 'RayCluster',
    verb: 'created',
    onDone: props.onCreated,
  });
  return (
    <FormDialog
      title="Create RayCluster"
      submitLabel="Create"
      submittingLabel="Creating…"
      submitting={form.submitting}
      formError={form.formError}
      onClose={props.onClose}
      onSubmit={() => form.submit({ name, spec: clusterSpecOf(cluster) })}
    >
      <WorkloadNameField
        value={name}
        onChange={setName}
        error={form.fieldErrors.name}
      />
      <ClusterFields
        draft={cluster}
        set={change => setCluster(previous => ({ ...previous, ...change }))}
        errors={form.fieldErrors}
        prefix="spec"
      />
    </FormDialog>
  );
}
