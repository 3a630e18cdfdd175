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

import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/**
 * A list of free-text values shown as chips: type a value and press Enter
 * (or leave the field) to add it. `options` are suggestions only.
 */
export function ChipsField(props: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  options?: string[];
  error?: string;
  helperText?: string;
  placeholder?: string;
}) {
  const { label, value, onChange, options = [], error, helperText } = props;
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      options={options}
      value={value}
      onChange={(_event, newValue) =>
        onChange(newValue.map(item => item.trim()).filter(Boolean))
      }
      renderTags={(tags, getTagProps) =>
        tags.map((tag, index) => {
          const { key, ...tagProps } = getTagProps({ index }) as {
            key: number;
          };
          return <Chip key={key} size="small" label={tag} {...tagProps} />;
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          placeholder={props.placeholder}
          margin="dense"
          error={!!error}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}
