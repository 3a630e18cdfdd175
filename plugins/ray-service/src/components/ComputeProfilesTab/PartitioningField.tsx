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
  GpuModelName,
  MAX_TIME_SLICING_REPLICAS,
  MIN_TIME_SLICING_REPLICAS,
  supportedMigProfiles,
} from '@ray-service/plugin-ray-service-common';
import { errorsAt, FieldErrors, SelectInput, TextInput } from '../shared';
import { PartitioningDraft, WHOLE_GPUS } from './profileForm';

function modeOptions(model: GpuModelName) {
  const migSupported = supportedMigProfiles(model).length > 0;
  return [
    { value: 'whole', label: 'Whole GPUs' },
    {
      value: 'mig',
      label: migSupported ? 'MIG' : 'MIG (not supported)',
      disabled: !migSupported,
    },
    { value: 'timeSlicing', label: 'Time slicing' },
  ];
}

const ModelPartitioning = (props: {
  model: GpuModelName;
  value: PartitioningDraft;
  onChange: (value: PartitioningDraft) => void;
  errors: FieldErrors;
}) => {
  const { model, value, onChange, errors } = props;
  const migProfiles = supportedMigProfiles(model);
  const setMode = (mode: string) =>
    onChange({
      ...value,
      mode: mode as PartitioningDraft['mode'],
      // Start from the smallest slice and the fewest replicas.
      profile: value.profile || migProfiles[0] || '',
      replicas: value.replicas || String(MIN_TIME_SLICING_REPLICAS),
    });
  return (
    <Box
      role="group"
      aria-label={`partitioning of ${model}`}
      display="flex"
      alignItems="flex-start"
      gridGap={8}
    >
      <Typography style={{ minWidth: 110, marginTop: 24 }}>{model}</Typography>
      <SelectInput
        label="Mode"
        value={value.mode}
        options={modeOptions(model)}
        onChange={setMode}
        error={errors[''] ?? errors.mode}
      />
      {value.mode === 'mig' && (
        <SelectInput
          label="MIG profile"
          value={value.profile}
          options={migProfiles}
          onChange={profile => onChange({ ...value, profile })}
          error={errors.profile}
        />
      )}
      {value.mode === 'timeSlicing' && (
        <TextInput
          label="Replicas per GPU"
          type="number"
          value={value.replicas}
          onChange={replicas => onChange({ ...value, replicas })}
          error={errors.replicas}
          hint={`${MIN_TIME_SLICING_REPLICAS}–${MAX_TIME_SLICING_REPLICAS}`}
        />
      )}
    </Box>
  );
};

/**
 * How the GPUs of each model the groups use are handed out. `errors` are
 * relative to `partitioning`.
 */
export const PartitioningField = (props: {
  models: GpuModelName[];
  value: Partial<Record<GpuModelName, PartitioningDraft>>;
  onChange: (value: Partial<Record<GpuModelName, PartitioningDraft>>) => void;
  errors: FieldErrors;
}) => {
  const { models, value, onChange, errors } = props;
  if (models.length === 0) {
    return null;
  }
  return (
    <>
      <Typography variant="subtitle1">GPU partitioning</Typography>
      {models.map(model => (
        <ModelPartitioning
          key={model}
          model={model}
          value={value[model] ?? WHOLE_GPUS}
          onChange={modelValue => onChange({ ...value, [model]: modelValue })}
          errors={{
            '': errors[model],
            ...errorsAt(errors, model),
          }}
        />
      ))}
    </>
  );
};
