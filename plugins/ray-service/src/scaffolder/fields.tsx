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

import { ChangeEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  MAX_PAGE_LIMIT,
  rayServiceWorkloadCreatePermission,
} from '@ray-service/plugin-ray-service-common';
import TextField from '@material-ui/core/TextField';
import { useRayServiceData } from '../hooks/useRayServiceData';
import { ChoiceField, ChoicesState } from './ChoiceField';
import {
  profileChoices,
  templateVersionChoices,
  tenantChoices,
} from './choices';
import { useOwnerLineage } from './useOwnerLineage';

/** `ui:options` of the pickers that depend on the owner. */
export interface OwnerOptions {
  /** The form field holding the owner group (default `owner`). */
  ownerField?: string;
}

type PickerProps = FieldExtensionComponentProps<string, OwnerOptions>;

/** The owner group chosen elsewhere in the form, if any. */
function ownerOf(
  props: FieldExtensionComponentProps<string, OwnerOptions | {}>,
): string | undefined {
  const options = props.uiSchema?.['ui:options'] as OwnerOptions | undefined;
  const field = options?.ownerField ?? 'owner';
  const owner = (props.formContext?.formData as Record<string, unknown>)?.[
    field
  ];
  return typeof owner === 'string' && owner ? owner : undefined;
}

/** Choices made of a list and the owner's lineage, loading together. */
function useOwnerChoices<T>(
  props: PickerProps,
  list: ReturnType<typeof useRayServiceData<T[]>>,
  toChoices: (
    items: T[],
    lineage: string[],
  ) => ReturnType<typeof profileChoices>,
): { state: ChoicesState; hint?: string } {
  const owner = ownerOf(props);
  const lineage = useOwnerLineage(owner);
  return {
    hint: owner ? undefined : 'Choose the owner group first.',
    state: {
      loading: list.loading || lineage.loading,
      error: list.error ?? lineage.error,
      value:
        list.value && lineage.value
          ? toChoices(list.value, lineage.value)
          : undefined,
      retry: list.retry,
    },
  };
}

/** `RayProfilePicker`: a compute profile the owner group may use. */
export function RayProfilePicker(props: PickerProps) {
  // With whether each warm pool has a ready tenant now (never fails the picker).
  const profiles = useRayServiceData(async api => {
    const [page, pools] = await Promise.all([
      api.listProfiles({ query: { limit: MAX_PAGE_LIMIT } }),
      api.listPoolAvailability().then(
        response => response.items,
        () => [],
      ),
    ]);
    return page.items.map(profile => ({
      profile,
      pool: pools.find(pool => pool.profile === profile.name),
    }));
  });
  const { state, hint } = useOwnerChoices(props, profiles, (items, lineage) =>
    profileChoices(
      items.map(item => item.profile),
      lineage,
      items.flatMap(item => (item.pool ? [item.pool] : [])),
    ),
  );
  return (
    <ChoiceField
      field={props}
      state={state}
      hint={hint}
      empty="No compute profile is available to this group; ask the platform team to publish or share one."
    />
  );
}

/** `RayTemplateVersionPicker`: a tenant template version shared with the owner group. */
export function RayTemplateVersionPicker(props: PickerProps) {
  const versions = useRayServiceData(
    async api =>
      (await api.listTemplateVersions({ query: { limit: MAX_PAGE_LIMIT } }))
        .items,
  );
  const { state, hint } = useOwnerChoices(
    props,
    versions,
    templateVersionChoices,
  );
  return (
    <ChoiceField
      field={props}
      state={state}
      hint={hint}
      empty="No template version is shared with this group; ask the platform team to share one."
    />
  );
}

/** `RayTenantPicker`: a tenant the user may create workloads in. */
export function RayTenantPicker(props: FieldExtensionComponentProps<string>) {
  const permissionApi = useApi(permissionApiRef);
  const tenants = useRayServiceData(async api => {
    const { items } = await api.listTenants({
      query: { limit: MAX_PAGE_LIMIT },
    });
    const allowed = await Promise.all(
      items.map(async tenant => {
        const { result } = await permissionApi.authorize({
          permission: rayServiceWorkloadCreatePermission,
          resourceRef: tenant.name,
        });
        return result === AuthorizeResult.ALLOW;
      }),
    );
    return tenantChoices(items, tenant => allowed[items.indexOf(tenant)]);
  });
  return (
    <ChoiceField
      field={props}
      state={tenants}
      empty="You have no tenant to put this in yet: create one with the Ray tenant template first."
    />
  );
}

/** `RayTenantName`: the name of a new tenant, checked as it is typed (on Next). */
export function RayTenantNameField(
  props: FieldExtensionComponentProps<string>,
) {
  // The next step's pickers need the owner's lineage (a catalog read per
  // ancestor): read it while the name is typed, so they open with choices.
  useOwnerLineage(ownerOf(props));
  const {
    schema,
    formData,
    onChange,
    required,
    rawErrors = [],
    idSchema,
  } = props;
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title}
      helperText={rawErrors[0] ?? schema.description}
      required={required}
      error={rawErrors.length > 0}
      value={formData ?? ''}
      onChange={(event: ChangeEvent<HTMLInputElement>) =>
        onChange(event.target.value || undefined)
      }
      fullWidth
      margin="normal"
      inputProps={{ autoComplete: 'off', spellCheck: false }}
    />
  );
}
