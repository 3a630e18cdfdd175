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
import {
  detailsToFieldErrors,
  fieldErrors,
  validationDetailsOf,
} from '@ray-service/plugin-ray-service-common';
import { FieldErrors, reasonOf } from './errors';

/** The part of a zod schema forms need; the common package's schemas fit. */
export interface FormSchema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: Parameters<typeof fieldErrors>[0] };
}

export interface FormSubmitState {
  /** Messages beside fields, keyed by dotted path (`resources.0.cpu`). */
  fieldErrors: FieldErrors;
  /** A message for the whole form, e.g. a 409's reason. */
  formError?: string;
  submitting: boolean;
}

const CHECK_FIELDS = 'Some fields need attention; see the messages below them.';

/** A failed request as form errors: a 400's details go to their fields. */
export function submitFailure(
  error: unknown,
): Omit<FormSubmitState, 'submitting'> {
  const details = validationDetailsOf(error);
  if (details.length > 0) {
    return {
      fieldErrors: detailsToFieldErrors(details),
      formError: `The server refused the input: ${reasonOf(error)}`,
    };
  }
  return { fieldErrors: {}, formError: reasonOf(error) };
}

/**
 * Submits a form: `submit(raw)` validates the raw values with `schema`
 * (errors go beside the fields and no request is made) and sends the parsed
 * value; `send(value)` sends a value checked elsewhere. A failed request is
 * mapped back onto the form.
 *
 * Both take another sender for forms with a second action on the same values,
 * e.g. a dry run beside Create: `submit(raw, value => api.plan(value))`.
 */
export function useFormSubmit<T, R>(options: {
  schema?: FormSchema<T>;
  send: (value: T) => Promise<R>;
  onSuccess: (result: R) => void;
}) {
  const { schema, send, onSuccess } = options;
  const [state, setState] = useState<FormSubmitState>({
    fieldErrors: {},
    submitting: false,
  });

  const sendValue = async (
    value: T,
    sender: (value: T) => Promise<R> = send,
  ) => {
    setState({ fieldErrors: {}, submitting: true });
    let result: R;
    try {
      result = await sender(value);
    } catch (error) {
      setState({ ...submitFailure(error), submitting: false });
      return;
    }
    setState({ fieldErrors: {}, submitting: false });
    onSuccess(result);
  };

  const submit = async (raw: unknown, sender?: (value: T) => Promise<R>) => {
    if (!schema) {
      throw new Error('useFormSubmit: submit(raw) needs a schema');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      setState({
        fieldErrors: fieldErrors(parsed.error),
        formError: CHECK_FIELDS,
        submitting: false,
      });
      return;
    }
    await sendValue(parsed.data, sender);
  };

  return { ...state, submit, send: sendValue };
}
