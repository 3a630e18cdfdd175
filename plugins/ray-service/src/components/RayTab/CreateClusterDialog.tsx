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
import Box from '@material-ui/core/Box';
import { rayClusterRequestSchema } from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { FormDialog, TextInput, useFormSubmit } from '../shared';
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
  const alertApi = useApi(alertApiRef);
  const [name, setName] = useState('');
  const [cluster, setCluster] = useState<ClusterDraft>(DEFAULT_CLUSTER);
  const form = useFormSubmit({
    schema: rayClusterRequestSchema,
    send: body => api.createRayCluster({ path: { tenant }, body }),
    onSuccess: created => {
      alertApi.post({
        message: `RayCluster ${created.name} created${
          created.warnings?.length ? `: ${created.warnings.join('; ')}` : ''
        }`,
        severity: created.warnings?.length ? 'warning' : 'success',
        display: 'transient',
      });
      props.onCreated();
    },
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
      <Box mb={2}>
        <TextInput
          label="Name"
          value={name}
          onChange={setName}
          error={form.fieldErrors.name}
          hint="Lowercase letters, digits and -"
          fullWidth
        />
      </Box>
      <ClusterFields
        draft={cluster}
        set={change => setCluster(previous => ({ ...previous, ...change }))}
        errors={form.fieldErrors}
        prefix="spec"
      />
    </FormDialog>
  );
}
