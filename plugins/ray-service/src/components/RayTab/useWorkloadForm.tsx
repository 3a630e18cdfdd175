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

import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { FormSchema } from '../shared/useFormSubmit';
import { TextInput, useFormSubmit } from '../shared';

/**
 * A form that creates a workload: checked with the contract's schema, sent,
 * then confirmed with an alert that carries the server's warnings (a maximum
 * above the free quota, …) and `onDone`.
 */
export function useWorkloadForm<
  T,
  R extends { name: string; warnings?: string[] },
>(options: {
  schema: FormSchema<T>;
  send: (value: T) => Promise<R>;
  /** E.g. `created`, `submitted`. */
  verb: string;
  kind: string;
  onDone: () => void;
}) {
  const alertApi = useApi(alertApiRef);
  return useFormSubmit({
    schema: options.schema,
    send: options.send,
    onSuccess: result => {
      const warnings = result.warnings ?? [];
      alertApi.post({
        message: `${options.kind} ${result.name} ${options.verb}${
          warnings.length ? `: ${warnings.join('; ')}` : ''
        }`,
        severity: warnings.length ? 'warning' : 'success',
        display: 'transient',
      });
      options.onDone();
    },
  });
}

/** The name of a new workload. */
export function WorkloadNameField(props: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Box mb={2}>
      <TextInput
        label="Name"
        value={props.value}
        onChange={props.onChange}
        error={props.error}
        hint="Lowercase letters, digits and -"
        fullWidth
      />
    </Box>
  );
}
