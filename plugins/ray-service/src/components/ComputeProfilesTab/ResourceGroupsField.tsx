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

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  GPU_MODEL_NAMES,
  GpuModelName,
} from '@ray-service/plugin-ray-service-common';
import {
  errorsAt,
  fieldBinder,
  FieldErrors,
  ListEditor,
  SelectInput,
  TextInput,
} from '../shared';
import { newResourceGroup, ResourceGroupDraft } from './profileForm';

const GPU_MODEL_OPTIONS = [
  { value: '', label: 'No GPU' },
  ...GPU_MODEL_NAMES.map(model => ({ value: model, label: model })),
];

const ResourceGroupRow = (props: {
  group: ResourceGroupDraft;
  onChange: (group: ResourceGroupDraft) => void;
  errors: FieldErrors;
}) => {
  const { group, onChange, errors } = props;
  const set = (change: Partial<ResourceGroupDraft>) =>
    onChange({ ...group, ...change });
  const field = fieldBinder(group, set, errors);
  return (
    <Box display="flex" flexWrap="wrap" gridGap={8}>
      <TextInput label="CPU" {...field('cpu')} placeholder="8 or 500m" />
      <TextInput label="Memory" {...field('memory')} placeholder="32Gi" />
      <TextInput label="Storage" {...field('storage')} placeholder="100Gi" />
      <SelectInput
        label="GPU model"
        value={group.gpuModel}
        options={GPU_MODEL_OPTIONS}
        onChange={gpuModel =>
          set({
            gpuModel: gpuModel as GpuModelName | '',
            gpuCount: gpuModel && !group.gpuCount ? '1' : group.gpuCount,
          })
        }
        error={errors.gpuModel}
      />
      <TextInput
        label="GPU count"
        type="number"
        value={group.gpuModel ? group.gpuCount : ''}
        onChange={gpuCount => set({ gpuCount })}
        error={errors.gpuCount}
        disabled={!group.gpuModel}
      />
    </Box>
  );
};

/**
 * The resource groups of a profile, e.g. a CPU head group and a GPU worker
 * group. `errors` are relative to `resources`; `error` is about the list.
 */
export const ResourceGroupsField = (props: {
  groups: ResourceGroupDraft[];
  onChange: (groups: ResourceGroupDraft[]) => void;
  errors: FieldErrors;
  error?: string;
}) => {
  const { groups, onChange, errors, error } = props;
  return (
    <>
      <Typography variant="subtitle1">Resource groups</Typography>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          {error}
        </Typography>
      )}
      <ListEditor
        itemName="resource group"
        items={groups}
        onChange={onChange}
        newItem={newResourceGroup}
        renderItem={(group, update, index) => (
          <ResourceGroupRow
            group={group}
            onChange={update}
            errors={errorsAt(errors, String(index))}
          />
        )}
      />
    </>
  );
};
