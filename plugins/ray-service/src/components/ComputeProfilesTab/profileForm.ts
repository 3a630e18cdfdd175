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

import {
  Allocation,
  ComputeProfileInput,
  GpuModelName,
  GpuPartitioning,
  IsolationMode,
  ResourceGroup,
  Weekday,
  isTimeZone,
} from '@ray-service/plugin-ray-service-common';

// The profile form's state: numbers are kept as typed so that a half-typed
// value stays visible; the schema reports what is wrong on submit.

export interface ResourceGroupDraft {
  cpu: string;
  memory: string;
  storage: string;
  gpuModel: GpuModelName | '';
  gpuCount: string;
}

export interface PartitioningDraft {
  mode: GpuPartitioning['mode'];
  /** MIG profile, used in `mig` mode. */
  profile: string;
  /** Replicas per GPU, used in `timeSlicing` mode. */
  replicas: string;
}

export interface WindowDraft {
  days: Weekday[];
  from: string;
  to: string;
  desiredCapacity: string;
}

export interface AllocationDraft {
  strategy: Allocation['strategy'];
  desiredCapacity: string;
  timezone: string;
  windows: WindowDraft[];
  /** The pool's template version ref; '' for none. */
  templateVersion: string;
  /** '' for the version's first mode. */
  isolation: '' | IsolationMode;
}

export interface ProfileDraft {
  name: string;
  displayName: string;
  description: string;
  resources: ResourceGroupDraft[];
  /** Kept for models no longer used so switching back restores them. */
  partitioning: Partial<Record<GpuModelName, PartitioningDraft>>;
  allocation: AllocationDraft;
  published: boolean;
  visibleTo: string[];
}

export const newResourceGroup = (): ResourceGroupDraft => ({
  cpu: '',
  memory: '',
  storage: '',
  gpuModel: '',
  gpuCount: '',
});

export const newWindow = (): WindowDraft => ({
  days: [],
  from: '',
  to: '',
  desiredCapacity: '',
});

export const WHOLE_GPUS: PartitioningDraft = {
  mode: 'whole',
  profile: '',
  replicas: '',
};

function browserTimeZone(): string {
  const local = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return local && isTimeZone(local) ? local : 'UTC';
}

export function emptyProfileDraft(): ProfileDraft {
  return {
    name: '',
    displayName: '',
    description: '',
    resources: [newResourceGroup()],
    partitioning: {},
    allocation: {
      strategy: 'onDemand',
      desiredCapacity: '1',
      timezone: browserTimeZone(),
      windows: [],
      templateVersion: '',
      isolation: '',
    },
    published: false,
    visibleTo: [],
  };
}

const text = (value: number | undefined) =>
  value === undefined ? '' : String(value);

function partitioningToDraft(partitioning: GpuPartitioning): PartitioningDraft {
  return {
    mode: partitioning.mode,
    profile: partitioning.mode === 'mig' ? partitioning.profile : '',
    replicas:
      partitioning.mode === 'timeSlicing' ? String(partitioning.replicas) : '',
  };
}

export function profileToDraft(profile: ComputeProfileInput): ProfileDraft {
  const { allocation } = profile;
  return {
    name: profile.name,
    displayName: profile.displayName,
    description: profile.description,
    resources: profile.resources.map(group => ({
      cpu: group.cpu,
      memory: group.memory,
      storage: group.storage,
      gpuModel: group.gpuModel ?? '',
      gpuCount: text(group.gpuCount),
    })),
    partitioning: Object.fromEntries(
      Object.entries(profile.partitioning).map(([model, partitioning]) => [
        model,
        partitioningToDraft(partitioning),
      ]),
    ),
    allocation:
      allocation.strategy === 'warmPool'
        ? {
            strategy: 'warmPool',
            desiredCapacity: String(allocation.desiredCapacity),
            timezone: allocation.timezone,
            windows: (allocation.windows ?? []).map(window => ({
              ...window,
              desiredCapacity: String(window.desiredCapacity),
            })),
            templateVersion: allocation.templateVersion ?? '',
            isolation: allocation.isolation ?? '',
          }
        : { ...emptyProfileDraft().allocation, strategy: 'onDemand' },
    published: profile.published,
    visibleTo: profile.visibleTo,
  };
}

/** `''` is "not given"; anything else a number for the schema to check. */
function numberOrUndefined(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/** The GPU models the groups use, each once, in order. */
export function gpuModelsUsed(resources: ResourceGroupDraft[]): GpuModelName[] {
  const models = resources.flatMap(group => group.gpuModel || []);
  return [...new Set(models)];
}

function groupToInput(group: ResourceGroupDraft): Partial<ResourceGroup> {
  return {
    cpu: group.cpu.trim(),
    memory: group.memory.trim(),
    storage: group.storage.trim(),
    ...(group.gpuModel && {
      gpuModel: group.gpuModel,
      gpuCount: numberOrUndefined(group.gpuCount),
    }),
  };
}

function partitioningToInput(draft: PartitioningDraft) {
  switch (draft.mode) {
    case 'mig':
      return { mode: draft.mode, profile: draft.profile };
    case 'timeSlicing':
      return { mode: draft.mode, replicas: numberOrUndefined(draft.replicas) };
    default:
      return { mode: draft.mode };
  }
}

function windowToInput(window: WindowDraft) {
  return {
    days: window.days,
    from: window.from.trim(),
    to: window.to.trim(),
    desiredCapacity: numberOrUndefined(window.desiredCapacity),
  };
}

function allocationToInput(draft: AllocationDraft) {
  if (draft.strategy === 'onDemand') {
    return { strategy: draft.strategy };
  }
  return {
    strategy: draft.strategy,
    desiredCapacity: numberOrUndefined(draft.desiredCapacity),
    timezone: draft.timezone.trim(),
    windows: draft.windows.map(windowToInput),
    ...(draft.templateVersion && { templateVersion: draft.templateVersion }),
    ...(draft.isolation && { isolation: draft.isolation }),
  };
}

/**
 * The POST/PUT body the draft stands for, to be checked with
 * `computeProfileInputSchema`. Partitioning is sent for the GPU models the
 * groups use, except whole GPUs, which need no entry.
 */
export function draftToProfileInput(draft: ProfileDraft) {
  const partitioning = Object.fromEntries(
    gpuModelsUsed(draft.resources).flatMap(model => {
      const entry = draft.partitioning[model];
      return entry && entry.mode !== 'whole'
        ? [[model, partitioningToInput(entry)]]
        : [];
    }),
  );
  return {
    name: draft.name.trim(),
    displayName: draft.displayName.trim(),
    description: draft.description,
    resources: draft.resources.map(groupToInput),
    partitioning,
    allocation: allocationToInput(draft.allocation),
    published: draft.published,
    visibleTo: draft.visibleTo,
  };
}
