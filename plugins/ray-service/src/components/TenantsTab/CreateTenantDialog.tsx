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
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  MAX_TENANT_NAME_LENGTH,
  PoolAvailability,
  Tenant,
  TenantPlan,
  TenantRequest,
  tenantRequestSchema,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import {
  fieldBinder,
  FormDialog,
  GroupRefField,
  IsolationInput,
  LoadState,
  reasonOf,
  SelectInput,
  TextInput,
  useFormSubmit,
  YamlSnippet,
} from '../shared';
import {
  draftToRequest,
  EMPTY_TENANT_DRAFT,
  isolationModesOf,
  refOf,
  TenantDraft,
} from './tenantForm';
import { useTenantChoices } from './useTenantChoices';

/** What the form's two buttons end in: a plan to show, or a new tenant. */
type Outcome = { plan: TenantPlan } | { tenant: Tenant };

/** The reason a select has no options, in place of its hint. */
function loadError(state: LoadState<unknown>): string | undefined {
  return state.error && `Could not load the choices: ${reasonOf(state.error)}`;
}

/** What a dry run found: where the tenant would go and what it would apply. */
const PlanPreview = ({ plan }: { plan: TenantPlan }) => (
  <Box mt={3} role="region" aria-label="Dry run result">
    <Typography variant="subtitle1">
      Dry run: {plan.objects.length} objects in namespace {plan.namespace} on{' '}
      {plan.hostCluster} ({plan.isolation})
    </Typography>
    <ul>
      {plan.summary.map(line => (
        <li key={line}>
          <Typography variant="body2">{line}</Typography>
        </li>
      ))}
    </ul>
    <YamlSnippet yaml={plan.yaml} />
  </Box>
);

/** "instant" when the profile's warm pool has a Ready tenant for its version. */
function instantNote(pool?: PoolAvailability): string {
  if (!pool?.instant) {
    return '';
  }
  return ` · instant with ${pool.templateVersion}${
    pool.isolation ? ` (${pool.isolation})` : ''
  }`;
}

/**
 * Requests a tenant. **Dry run** shows what creating it would apply without
 * changing anything; **Create** creates it. Both check the input with
 * `tenantRequestSchema` first.
 */
export const CreateTenantDialog = (props: {
  onClose: () => void;
  onCreated: (tenant: Tenant) => void;
}) => {
  const { onClose, onCreated } = props;
  const api = useApi(rayServiceApiRef);
  const { profiles, versions, hostClusters, pools } = useTenantChoices();
  const [draft, setDraft] = useState<TenantDraft>(EMPTY_TENANT_DRAFT);
  const [plan, setPlan] = useState<TenantPlan>();
  const [planning, setPlanning] = useState(false);
  const form = useFormSubmit<TenantRequest, Outcome>({
    schema: tenantRequestSchema,
    send: async request => ({
      tenant: await api.createTenant({ body: request }),
    }),
    onSuccess: outcome =>
      'plan' in outcome ? setPlan(outcome.plan) : onCreated(outcome.tenant),
  });
  const errors = form.fieldErrors;

  // A plan is only good for the input it was made for.
  const update = (change: Partial<TenantDraft>) => {
    setDraft(previous => ({ ...previous, ...change }));
    setPlan(undefined);
  };
  const field = fieldBinder(draft, update, errors);

  const dryRun = async () => {
    setPlanning(true);
    setPlan(undefined);
    await form.submit(draftToRequest(draft), async request => ({
      plan: await api.planTenant({ body: request }),
    }));
    setPlanning(false);
  };

  const isolationModes = isolationModesOf(
    draft.templateVersion,
    versions.value ?? [],
  );

  return (
    <FormDialog
      title="Create tenant"
      submitLabel="Create"
      submittingLabel={planning ? 'Create' : 'Creating…'}
      form={form}
      onSubmit={() => form.submit(draftToRequest(draft))}
      onClose={onClose}
      maxWidth="md"
      extraActions={
        <Button onClick={dryRun} disabled={form.submitting}>
          {planning ? 'Planning…' : 'Dry run'}
        </Button>
      }
    >
      <TextInput
        label="Name"
        {...field('name')}
        hint={`Lowercase letters, digits and "-", at most ${MAX_TENANT_NAME_LENGTH} characters; the namespace will be ray-<name> unless it comes from a warm pool.`}
        fullWidth
      />
      <GroupRefField
        label="Owner"
        {...field('owner')}
        helperText="The team's group, e.g. ml-team-alpha or group:default/ml-team-alpha"
      />
      <SelectInput
        label="Compute profile"
        value={draft.profile}
        onChange={profile => update({ profile })}
        options={[
          { value: '', label: 'Choose a published profile' },
          ...(profiles.value ?? []).map(profile => ({
            value: profile.name,
            label: `${profile.displayName} (${profile.name})${instantNote(
              pools.value?.find(pool => pool.profile === profile.name),
            )}`,
          })),
        ]}
        error={errors.profile ?? loadError(profiles)}
        fullWidth
      />
      <SelectInput
        label="Template version"
        value={draft.templateVersion}
        // The isolation modes depend on the version.
        onChange={templateVersion => update({ templateVersion, isolation: '' })}
        options={[
          { value: '', label: 'Choose a published version' },
          ...(versions.value ?? []).map(refOf),
        ]}
        error={errors.templateVersion ?? loadError(versions)}
        fullWidth
      />
      <SelectInput
        label="Host cluster"
        value={draft.hostCluster}
        onChange={hostCluster => update({ hostCluster })}
        options={[
          { value: '', label: 'Auto-pick' },
          ...(hostClusters.value ?? []).map(cluster => ({
            value: cluster.name,
            label: `${cluster.title} (${cluster.name})`,
          })),
        ]}
        error={errors.hostCluster ?? loadError(hostClusters)}
        hint="Auto-pick chooses a cluster that passes preflight and has room for the profile."
        fullWidth
      />
      <IsolationInput
        label="Isolation"
        value={draft.isolation}
        onChange={isolation => update({ isolation })}
        modes={isolationModes}
        noneLabel="The template version's default"
        error={errors.isolation}
        hint={
          draft.templateVersion
            ? "vcluster gives the team its own control plane; namespace shares the host cluster's."
            : 'Choose a template version first: it says which modes it supports.'
        }
        disabled={isolationModes.length === 0}
        fullWidth
      />
      {plan && <PlanPreview plan={plan} />}
    </FormDialog>
  );
};
