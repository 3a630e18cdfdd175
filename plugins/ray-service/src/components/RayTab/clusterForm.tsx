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
import Grid from '@material-ui/core/Grid';
import { RayClusterSpecInput } from '@ray-service/plugin-ray-service-common';
import { FieldErrors, TextInput } from '../shared';

/** The cluster fields of the create and submit forms, as typed. */
export interface ClusterDraft {
  headCpu: string;
  headMemory: string;
  workers: string;
  workerCpu: string;
  workerMemory: string;
}

const DEFAULT_CLUSTER: ClusterDraft = {
  headCpu: '1',
  headMemory: '2Gi',
  workers: '1',
  workerCpu: '1',
  workerMemory: '2Gi',
};

/** A form's cluster draft, and `set` that merges a change into it. */
export function useClusterDraft() {
  const [draft, setDraft] = useState<ClusterDraft>(DEFAULT_CLUSTER);
  const set = (change: Partial<ClusterDraft>) =>
    setDraft(previous => ({ ...previous, ...change }));
  return { draft, set };
}

/** The draft as the API's cluster spec: one worker group, unless 0 workers. */
export function clusterSpecOf(draft: ClusterDraft): RayClusterSpecInput {
  const replicas = Number(draft.workers);
  return {
    head: { cpu: draft.headCpu, memory: draft.headMemory },
    workerGroups:
      draft.workers.trim() === '' || replicas === 0
        ? []
        : [
            {
              name: 'workers',
              replicas: Number.isInteger(replicas) ? replicas : -1,
              cpu: draft.workerCpu,
              memory: draft.workerMemory,
            },
          ],
  };
}

/** The head and one worker group; errors by the spec's paths below `prefix`. */
export function ClusterFields(props: {
  cluster: ReturnType<typeof useClusterDraft>;
  errors: FieldErrors;
  /** Where the spec sits in the request: `spec` or `cluster.new`. */
  prefix: string;
}) {
  const { errors, prefix } = props;
  const { draft, set } = props.cluster;
  const field = (
    key: keyof ClusterDraft,
    path: string,
    label: string,
    hint?: string,
  ) => (
    <Grid item xs={12} sm={6}>
      <TextInput
        label={label}
        value={draft[key]}
        onChange={value => set({ [key]: value })}
        error={errors[`${prefix}.${path}`]}
        hint={hint}
        fullWidth
      />
    </Grid>
  );
  return (
    <Grid container spacing={2}>
      {field(
        'headCpu',
        'head.cpu',
        'Head CPU',
        'A Kubernetes quantity: 1, 500m',
      )}
      {field('headMemory', 'head.memory', 'Head memory', 'E.g. 2Gi')}
      {field(
        'workers',
        'workerGroups.0.replicas',
        'Workers',
        '0 for a head-only cluster',
      )}
      {field('workerCpu', 'workerGroups.0.cpu', 'CPU per worker')}
      {field('workerMemory', 'workerGroups.0.memory', 'Memory per worker')}
    </Grid>
  );
}
