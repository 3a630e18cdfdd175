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
import {
  RayCluster,
  rayClusterPatchSchema,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { FormDialog, TextInput, useFormSubmit } from '../shared';

/**
 * Sets the desired workers of each group. The autoscaling bounds widen to
 * take the new count, so a group can always be scaled beyond them.
 */
export function ScaleClusterDialog(props: {
  tenant: string;
  cluster: RayCluster;
  onClose: () => void;
  onScaled: () => void;
}) {
  const { tenant, cluster } = props;
  const api = useApi(rayServiceApiRef);
  const alertApi = useApi(alertApiRef);
  const [replicas, setReplicas] = useState<Record<string, string>>(
    Object.fromEntries(
      cluster.workerGroups.map(g => [g.name, String(g.desired)]),
    ),
  );
  const form = useFormSubmit({
    schema: rayClusterPatchSchema,
    send: body =>
      api.updateRayCluster({ path: { tenant, name: cluster.name }, body }),
    onSuccess: () => {
      alertApi.post({
        message: `${cluster.name} scaled`,
        severity: 'success',
        display: 'transient',
      });
      props.onScaled();
    },
  });
  const submit = () =>
    form.submit({
      workerGroups: cluster.workerGroups.map(group => {
        const count = Number(replicas[group.name]);
        const valid =
          replicas[group.name].trim() !== '' && Number.isInteger(count);
        return {
          name: group.name,
          replicas: valid ? count : -1,
          minReplicas: valid ? Math.min(group.minReplicas, count) : undefined,
          maxReplicas: valid ? Math.max(group.maxReplicas, count) : undefined,
        };
      }),
    });
  return (
    <FormDialog
      title={`Scale ${cluster.name}`}
      submitLabel="Scale"
      submittingLabel="Scaling…"
      form={form}
      onClose={props.onClose}
      onSubmit={submit}
    >
      {cluster.workerGroups.map((group, index) => (
        <Box mb={2} key={group.name}>
          <TextInput
            label={`Workers of ${group.name}`}
            value={replicas[group.name]}
            onChange={value =>
              setReplicas(previous => ({ ...previous, [group.name]: value }))
            }
            error={form.fieldErrors[`workerGroups.${index}.replicas`]}
            hint={`${group.ready} ready; autoscaling between ${group.minReplicas} and ${group.maxReplicas}`}
            fullWidth
          />
        </Box>
      ))}
    </FormDialog>
  );
}
