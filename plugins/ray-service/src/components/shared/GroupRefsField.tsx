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

import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { ChipsField } from './ChipsField';

const PLACEHOLDER = 'group:default/ml-teams';

/** The catalog's group refs when the app has a catalog API; none otherwise. */
function useCatalogGroupRefs(): string[] | undefined {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!catalogApi) {
      return [];
    }
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    });
    return items.map(entity => stringifyEntityRef(entity));
  }, [catalogApi]);
  return value;
}

/**
 * Group refs as chips. Suggests the catalog's groups when the app has a
 * catalog API; any ref can be typed (`ml-teams` or `group:default/ml-teams`).
 */
export function GroupRefsField(props: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  helperText: string;
}) {
  const groupRefs = useCatalogGroupRefs();
  return (
    <ChipsField {...props} options={groupRefs} placeholder={PLACEHOLDER} />
  );
}

/**
 * One group ref, typed or picked from the catalog's groups (suggested as in
 * {@link GroupRefsField}). The text as typed is the value.
 */
export function GroupRefField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  helperText: string;
}) {
  const { label, value, onChange, error, helperText } = props;
  const groupRefs = useCatalogGroupRefs();
  return (
    <Autocomplete
      freeSolo
      options={groupRefs ?? []}
      inputValue={value}
      onInputChange={(_event, text) => onChange(text)}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          placeholder={PLACEHOLDER}
          margin="dense"
          fullWidth
          error={!!error}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}
