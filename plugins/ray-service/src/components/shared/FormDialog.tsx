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

import { FormEvent, ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { FormSubmitState } from './useFormSubmit';

/**
 * A dialog around a form, open while mounted: title, fields, the form's
 * error, Cancel and submit.
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  /** The form's state from `useFormSubmit`: submitting, and its error. */
  form: Pick<FormSubmitState, 'submitting' | 'formError'>;
  /** Submission is pointless, e.g. the input does not parse yet. */
  submitDisabled?: boolean;
  /** The submit button's text while submitting; "Saving…" by default. */
  submittingLabel?: string;
  /** More buttons, shown before Cancel, e.g. a dry run. */
  extraActions?: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  maxWidth?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  const {
    title,
    submitLabel,
    form: { submitting, formError },
    submitDisabled,
    submittingLabel = 'Saving…',
    extraActions,
    onSubmit,
    onClose,
    maxWidth = 'sm',
    children,
  } = props;
  const titleId = `form-dialog-${title.replace(/\W+/g, '-')}`;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth={maxWidth}
      fullWidth
      aria-labelledby={titleId}
    >
      <form onSubmit={handleSubmit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions>
          {extraActions}
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting || submitDisabled}
          >
            {submitting ? submittingLabel : submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
