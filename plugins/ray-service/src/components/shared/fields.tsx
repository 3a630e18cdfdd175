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

import { ReactNode, useState } from 'react';
import TextField, { TextFieldProps } from '@material-ui/core/TextField';
import { IsolationMode } from '@ray-service/plugin-ray-service-common';
import { FieldErrors } from './errors';

let lastFieldId = 0;

/**
 * A unique id per field: it ties the label and the error or hint to the input
 * for screen readers (and tests).
 */
function useFieldId(): string {
  const [id] = useState(() => `ray-service-field-${++lastFieldId}`);
  return id;
}

type BaseProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown instead of the hint, in red. */
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  fullWidth?: boolean;
};

/** A text field of a form, with its error or hint below it. */
export function TextInput(
  props: BaseProps &
    Pick<
      TextFieldProps,
      'type' | 'placeholder' | 'multiline' | 'minRows' | 'required' | 'style'
    >,
) {
  const { label, value, onChange, error, hint, ...rest } = props;
  const id = useFieldId();
  return (
    <TextField
      {...rest}
      id={id}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      error={!!error}
      helperText={error ?? hint}
      margin="dense"
    />
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A native select of a form: accessible, and quick to test. */
export function SelectInput(
  props: BaseProps & { options: ReadonlyArray<string | SelectOption> },
) {
  const { label, value, onChange, error, hint, options, ...rest } = props;
  const id = useFieldId();
  return (
    <TextField
      {...rest}
      id={id}
      select
      SelectProps={{ native: true }}
      // A native select always shows an option, even an empty-valued one.
      InputLabelProps={{ shrink: true }}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      error={!!error}
      helperText={error ?? hint}
      margin="dense"
    >
      {options.map(option => {
        const {
          value: optionValue,
          label: optionLabel,
          disabled,
        } = typeof option === 'string'
          ? { value: option, label: option, disabled: false }
          : option;
        return (
          <option key={optionValue} value={optionValue} disabled={disabled}>
            {optionLabel}
          </option>
        );
      })}
    </TextField>
  );
}

/**
 * Picks an isolation mode among `modes`, or none (the empty value, shown as
 * `noneLabel`) to leave it to the template version.
 */
export function IsolationInput(
  props: Omit<BaseProps, 'value' | 'onChange'> & {
    value: '' | IsolationMode;
    onChange: (value: '' | IsolationMode) => void;
    modes: readonly IsolationMode[];
    noneLabel: string;
  },
) {
  const { onChange, modes, noneLabel, ...rest } = props;
  return (
    <SelectInput
      {...rest}
      onChange={value => onChange(value as '' | IsolationMode)}
      options={[{ value: '', label: noneLabel }, ...modes]}
    />
  );
}

/**
 * Binds the fields of a form to a draft: `field('cpu')` gives the `value`,
 * `onChange` and `error` props of a field that edits `draft.cpu`. `set` merges
 * a change into the draft; `errors` are relative to the draft, or a function
 * from a key to its error.
 */
export function fieldBinder<T>(
  draft: T,
  set: (change: Partial<T>) => void,
  errors: FieldErrors | ((key: string) => string | undefined),
) {
  return <K extends keyof T & string>(key: K) => ({
    value: draft[key],
    onChange: (value: T[K]) => set({ [key]: value } as unknown as Partial<T>),
    error: typeof errors === 'function' ? errors(key) : errors[key],
  });
}
