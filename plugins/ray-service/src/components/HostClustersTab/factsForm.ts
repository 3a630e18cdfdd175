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

import { HostClusterFacts } from '@ray-service/plugin-ray-service-common';

export interface LabelDraft {
  key: string;
  value: string;
}

/** The "Edit facts" form's state: every field as typed. */
export interface FactsDraft {
  type: '' | 'publicCloud' | 'dataCenter';
  provider: string;
  region: string;
  instanceTypes: string[];
  infrastructure: string;
  operatingSystem: string;
  gpuTypes: string[];
  labels: LabelDraft[];
}

export function factsToDraft(facts: HostClusterFacts = {}): FactsDraft {
  const infrastructure = facts.infrastructure;
  return {
    type: infrastructure?.type ?? '',
    provider:
      infrastructure?.type === 'publicCloud' ? infrastructure.provider : 'aws',
    region: infrastructure?.type === 'publicCloud' ? infrastructure.region : '',
    instanceTypes:
      infrastructure?.type === 'publicCloud'
        ? infrastructure.instanceTypes
        : [],
    infrastructure:
      infrastructure?.type === 'dataCenter'
        ? infrastructure.infrastructure
        : 'vsphere',
    operatingSystem:
      infrastructure?.type === 'dataCenter'
        ? infrastructure.operatingSystem
        : '',
    gpuTypes:
      infrastructure?.type === 'dataCenter' ? infrastructure.gpuTypes : [],
    labels: Object.entries(facts.labels ?? {}).map(([key, value]) => ({
      key,
      value,
    })),
  };
}

function infrastructureOf(draft: FactsDraft) {
  switch (draft.type) {
    case 'publicCloud':
      return {
        type: draft.type,
        provider: draft.provider,
        region: draft.region,
        instanceTypes: draft.instanceTypes,
      };
    case 'dataCenter':
      return {
        type: draft.type,
        infrastructure: draft.infrastructure,
        operatingSystem: draft.operatingSystem,
        gpuTypes: draft.gpuTypes,
      };
    default:
      return undefined;
  }
}

/**
 * The PATCH body the draft stands for, to be checked with
 * `hostClusterFactsSchema`. Labels are always sent (they replace the stored
 * ones); the infrastructure only once one is chosen. Blank label rows are
 * dropped.
 */
export function draftToFacts(draft: FactsDraft): unknown {
  return {
    infrastructure: infrastructureOf(draft),
    labels: Object.fromEntries(
      draft.labels
        .filter(label => label.key.trim() || label.value.trim())
        .map(label => [label.key.trim(), label.value.trim()]),
    ),
  };
}
