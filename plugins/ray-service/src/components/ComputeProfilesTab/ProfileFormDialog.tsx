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
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { useApi } from '@backstage/core-plugin-api';
import {
  ComputeProfile,
  computeProfileInputSchema,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import {
  errorAtOrBelow,
  errorsAt,
  fieldBinder,
  FormDialog,
  GroupRefsField,
  TextInput,
  useFormSubmit,
} from '../shared';
import { AllocationField } from './AllocationField';
import { PartitioningField } from './PartitioningField';
import {
  draftToProfileInput,
  emptyProfileDraft,
  gpuModelsUsed,
  ProfileDraft,
  profileToDraft,
} from './profileForm';
import { previewResources } from './profileSummary';
import { ResourceGroupsField } from './ResourceGroupsField';
import { ResourceTotalsPreview } from './ResourceTotalsPreview';

/** Creates a profile, or edits `profile` (whose name then stays). */
export const ProfileFormDialog = (props: {
  profile?: ComputeProfile;
  onClose: () => void;
  onSaved: (profile: ComputeProfile) => void;
}) => {
  const { profile, onClose, onSaved } = props;
  const api = useApi(rayServiceApiRef);
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    profile ? profileToDraft(profile) : emptyProfileDraft(),
  );
  const set = (change: Partial<ProfileDraft>) =>
    setDraft(current => ({ ...current, ...change }));
  const form = useFormSubmit({
    schema: computeProfileInputSchema,
    send: input =>
      profile
        ? api.updateProfile({ path: { name: profile.name }, body: input })
        : api.createProfile({ body: input }),
    onSuccess: onSaved,
  });
  const errors = form.fieldErrors;
  const field = fieldBinder(draft, set, errors);

  return (
    <FormDialog
      maxWidth="md"
      title={profile ? `Edit ${profile.name}` : 'Create compute profile'}
      submitLabel={profile ? 'Save' : 'Create'}
      form={form}
      onSubmit={() => form.submit(draftToProfileInput(draft))}
      onClose={onClose}
    >
      <Box display="flex" gridGap={8}>
        <TextInput
          label="Name"
          {...field('name')}
          hint={
            profile
              ? 'Names cannot change'
              : 'Lowercase letters, digits and "-"'
          }
          disabled={!!profile}
          required
        />
        <TextInput label="Display name" {...field('displayName')} required />
      </Box>
      <TextInput
        label="Description"
        {...field('description')}
        multiline
        fullWidth
      />
      <Box mt={2}>
        <ResourceGroupsField
          groups={draft.resources}
          onChange={resources => set({ resources })}
          errors={errorsAt(errors, 'resources')}
          error={errors.resources}
        />
      </Box>
      <Box mt={2}>
        <PartitioningField
          models={gpuModelsUsed(draft.resources)}
          value={draft.partitioning}
          onChange={partitioning => set({ partitioning })}
          errors={errorsAt(errors, 'partitioning')}
        />
      </Box>
      <Box mt={2}>
        <AllocationField
          value={draft.allocation}
          onChange={allocation => set({ allocation })}
          errors={errorsAt(errors, 'allocation')}
        />
      </Box>
      <Box mt={2}>
        <FormControlLabel
          label="Published (users can pick it)"
          control={
            <Switch
              checked={draft.published}
              onChange={event => set({ published: event.target.checked })}
            />
          }
        />
        <GroupRefsField
          label="Visible to"
          value={draft.visibleTo}
          onChange={visibleTo => set({ visibleTo })}
          error={errorAtOrBelow(errors, 'visibleTo')}
          helperText="Groups that may use the profile, their sub-groups included. Empty: everyone."
        />
      </Box>
      <ResourceTotalsPreview preview={previewResources(draft)} />
    </FormDialog>
  );
};
