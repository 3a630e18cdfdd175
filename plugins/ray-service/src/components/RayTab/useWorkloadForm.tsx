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

import { ComponentProps, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { RayServiceApi, rayServiceApiRef } from '../../api';
import { FormSchema, FormSubmitState } from '../shared/useFormSubmit';
import { FormDialog, TextInput, useFormSubmit } from '../shared';

/** What the cards give a dialog that makes a workload in their tenant. */
export interface WorkloadDialogProps {
  tenant: string;
  onClose: () => void;
  /** After the workload was made. */
  onDone: () => void;
}

/**
 * A form that makes a workload named `name` in `tenant`: checked with the
 * contract's schema, sent, then confirmed with an alert that carries the
 * server's warnings (a maximum above the free quota, …) and `onDone`.
 */
export function useWorkloadForm<
  T,
  R extends { name: string; warnings?: string[] },
>(options: {
  tenant: string;
  schema: FormSchema<T>;
  send: (
    api: RayServiceApi,
    request: { path: { tenant: string }; body: T },
  ) => Promise<R>;
  /** E.g. `created`, `submitted`. */
  verb: string;
  kind: string;
  onDone: () => void;
}) {
  const { tenant } = options;
  const api = useApi(rayServiceApiRef);
  const alertApi = useApi(alertApiRef);
  const [name, setName] = useState('');
  const form = useFormSubmit({
    schema: options.schema,
    send: (body: T) => options.send(api, { path: { tenant }, body }),
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
  return { ...form, name, setName };
}

/** The form's dialog: the new workload's name, then the `children` fields. */
export function WorkloadFormDialog(
  props: Omit<ComponentProps<typeof FormDialog>, 'form'> & {
    form: FormSubmitState & { name: string; setName: (name: string) => void };
  },
) {
  const { form, children, ...dialog } = props;
  return (
    <FormDialog {...dialog} form={form}>
      <Box mb={2}>
        <TextInput
          label="Name"
          value={form.name}
          onChange={form.setName}
          error={form.fieldErrors.name}
          hint="Lowercase letters, digits and -"
          fullWidth
        />
      </Box>
      {children}
    </FormDialog>
  );
}
