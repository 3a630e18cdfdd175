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

import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { reasonOf } from '@ray-service/plugin-ray-service-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';

/** One thing a picker offers. */
export interface Choice {
  value: string;
  title: string;
  /** Lines below the title: resources, versions, phase … */
  details: string[];
  /** Short marks beside the title: "deprecated", "instant". */
  chips?: string[];
  /** Shown but not choosable, with the reason as a detail. */
  disabled?: boolean;
}

/** The choices being loaded: loading, failed (with a retry) or there. */
export interface ChoicesState {
  loading: boolean;
  error?: Error;
  value?: Choice[];
  retry: () => void;
}

/** What every Ray picker gets from the scaffolder form. */
export interface PickerFieldProps {
  schema: { title?: string; description?: string };
  formData?: string;
  onChange(value: string | undefined): void;
  required?: boolean;
  rawErrors?: string[];
  idSchema?: { $id: string };
}

/**
 * A form field that offers a few rich choices as radio cards, with loading,
 * error-with-retry and empty states; `hint` says what else to do first
 * (e.g. choose the owner) when the choices cannot load yet.
 */
export function ChoiceField(props: {
  field: PickerFieldProps;
  state: ChoicesState;
  /** What to show when there is nothing to choose. */
  empty: ReactNode;
  hint?: string;
}) {
  const { field, state, empty, hint } = props;
  const { schema, formData, onChange, required, rawErrors = [] } = field;
  const id = field.idSchema?.$id ?? 'ray-choice';
  let body: ReactNode;
  if (hint) {
    body = <Typography color="textSecondary">{hint}</Typography>;
  } else if (state.error) {
    body = (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={state.retry}>
            Retry
          </Button>
        }
      >
        {reasonOf(state.error)}
      </Alert>
    );
  } else if (state.loading || !state.value) {
    body = <Progress />;
  } else if (state.value.length === 0) {
    body = <Typography color="textSecondary">{empty}</Typography>;
  } else {
    body = (
      <RadioGroup
        aria-labelledby={`${id}-label`}
        name={id}
        value={formData ?? ''}
        onChange={(_event, value) => onChange(value)}
      >
        {state.value.map(choice => (
          <FormControlLabel
            key={choice.value}
            value={choice.value}
            disabled={choice.disabled}
            control={<Radio color="primary" />}
            label={
              <Box py={1}>
                <Typography component="span">
                  {choice.title}
                  {choice.chips?.map(chip => (
                    <Box component="span" ml={1} key={chip}>
                      <Chip label={chip} size="small" />
                    </Box>
                  ))}
                </Typography>
                {choice.details.map(line => (
                  <Typography key={line} variant="body2" color="textSecondary">
                    {line}
                  </Typography>
                ))}
              </Box>
            }
          />
        ))}
      </RadioGroup>
    );
  }
  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={rawErrors.length > 0}
    >
      <FormLabel id={`${id}-label`}>{schema.title}</FormLabel>
      {schema.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      {body}
      {[...new Set(rawErrors)].map(error => (
        <FormHelperText key={error}>{error}</FormHelperText>
      ))}
    </FormControl>
  );
}
