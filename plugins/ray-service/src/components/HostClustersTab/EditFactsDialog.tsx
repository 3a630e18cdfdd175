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
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  DATA_CENTER_INFRASTRUCTURES,
  GPU_MODEL_NAMES,
  HostCluster,
  hostClusterFactsSchema,
  PUBLIC_CLOUD_PROVIDERS,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import {
  ChipsField,
  errorAtOrBelow,
  fieldBinder,
  FieldErrors,
  FormDialog,
  ListEditor,
  SelectInput,
  TextInput,
  useFormSubmit,
} from '../shared';
import {
  draftToFacts,
  FactsDraft,
  factsToDraft,
  LabelDraft,
} from './factsForm';

const INFRASTRUCTURE_TYPES = [
  { value: '', label: 'Not recorded' },
  { value: 'publicCloud', label: 'Public cloud' },
  { value: 'dataCenter', label: 'Data center' },
];

type DraftProps = {
  draft: FactsDraft;
  onChange: (draft: FactsDraft) => void;
  errors: FieldErrors;
};

const InfrastructureFields = ({ draft, onChange, errors }: DraftProps) => {
  const set = (change: Partial<FactsDraft>) =>
    onChange({ ...draft, ...change });
  const field = fieldBinder(draft, set, key =>
    errorAtOrBelow(errors, `infrastructure.${key}`),
  );
  return (
    <>
      <SelectInput
        label="Infrastructure"
        value={draft.type}
        options={INFRASTRUCTURE_TYPES}
        onChange={type => set({ type: type as FactsDraft['type'] })}
        error={errors.infrastructure}
        fullWidth
      />
      {draft.type === 'publicCloud' && (
        <>
          <SelectInput
            label="Provider"
            options={PUBLIC_CLOUD_PROVIDERS}
            {...field('provider')}
          />
          <TextInput
            label="Region"
            {...field('region')}
            placeholder="eu-west-1"
          />
          <ChipsField
            label="Instance types"
            {...field('instanceTypes')}
            placeholder="p4d.24xlarge"
          />
        </>
      )}
      {draft.type === 'dataCenter' && (
        <>
          <SelectInput
            label="Platform"
            options={DATA_CENTER_INFRASTRUCTURES}
            {...field('infrastructure')}
          />
          <TextInput
            label="Operating system"
            {...field('operatingSystem')}
            placeholder="Ubuntu 22.04"
          />
          <ChipsField
            label="GPU types"
            options={[...GPU_MODEL_NAMES]}
            {...field('gpuTypes')}
          />
        </>
      )}
    </>
  );
};

const LabelsField = ({ draft, onChange, errors }: DraftProps) => (
  <>
    <Typography variant="subtitle2">Labels</Typography>
    {errors.labels && (
      <Typography color="error" variant="caption">
        {errors.labels}
      </Typography>
    )}
    <ListEditor<LabelDraft>
      itemName="label"
      items={draft.labels}
      onChange={labels => onChange({ ...draft, labels })}
      newItem={() => ({ key: '', value: '' })}
      renderItem={(label, update) => (
        <Box display="flex" gridGap={8}>
          <TextInput
            label="Key"
            value={label.key}
            onChange={key => update({ ...label, key })}
            // The schema reports a bad key or value at `labels.<key>`.
            error={errors[`labels.${label.key.trim()}`]}
            placeholder="topology.kubernetes.io/region"
          />
          <TextInput
            label="Value"
            value={label.value}
            onChange={value => update({ ...label, value })}
          />
        </Box>
      )}
    />
  </>
);

/** Edits what admins record about a host cluster: infrastructure and labels. */
export const EditFactsDialog = (props: {
  cluster: HostCluster;
  onClose: () => void;
  onSaved: (cluster: HostCluster) => void;
}) => {
  const { cluster, onClose, onSaved } = props;
  const api = useApi(rayServiceApiRef);
  const [draft, setDraft] = useState(() => factsToDraft(cluster.facts));
  const form = useFormSubmit({
    schema: hostClusterFactsSchema,
    send: facts =>
      api.updateHostClusterFacts({ path: { name: cluster.name }, body: facts }),
    onSuccess: onSaved,
  });
  return (
    <FormDialog
      title={`Edit facts of ${cluster.title}`}
      submitLabel="Save"
      form={form}
      onSubmit={() => form.submit(draftToFacts(draft))}
      onClose={onClose}
    >
      <InfrastructureFields
        draft={draft}
        onChange={setDraft}
        errors={form.fieldErrors}
      />
      <Box mt={2}>
        <LabelsField
          draft={draft}
          onChange={setDraft}
          errors={form.fieldErrors}
        />
      </Box>
    </FormDialog>
  );
};
