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

import Typography from '@material-ui/core/Typography';
import {
  WorkloadCondition,
  WorkloadPhase,
} from '@ray-service/plugin-ray-service-common';
import { StatusLabel } from '../shared';
import { formatAge } from '../TenantsTab';
import { WORKLOAD_PHASE_STATUS } from './workloadDisplay';

/** A workload's phase in its colour and, when not fine, the condition why. */
export function WorkloadStatus(props: {
  workload: { phase: WorkloadPhase; conditions: WorkloadCondition[] };
  detail?: string;
}) {
  const { phase, conditions } = props.workload;
  const kind = WORKLOAD_PHASE_STATUS[phase];
  const unmet =
    kind === 'ok' ? undefined : conditions.find(c => c.status !== 'True');
  return (
    <>
      <StatusLabel kind={kind}>{phase}</StatusLabel>
      {(props.detail || unmet) && (
        <Typography variant="caption" color="textSecondary" display="block">
          {props.detail ?? `${unmet!.type}: ${unmet!.reason}`}
        </Typography>
      )}
    </>
  );
}

/** `12m` since creation, or a dash before the cluster told. */
export const ageOf = (workload: { createdAt?: string }) =>
  workload.createdAt ? formatAge(workload.createdAt) : '–';
