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

import { useEffect } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { rayServiceApiRef } from '../api';
import { Expandable, YamlSnippet } from '../components/shared';
import {
  isPlanOperation,
  PlanOperation,
  planRequestOf,
  runPlan,
} from './planRequest';

/** `ui:options` of the dry run field: which dry run of the REST API. */
export interface DryRunOptions {
  operation?: PlanOperation;
}

/** What the field's value says once the dry run answered (shown on the review). */
export const DRY_RUN_PASSED = 'passed';
export const DRY_RUN_REFUSED = 'refused';

/**
 * `RayDryRun`: runs the REST API's dry run of what the form asks for (the
 * fields named like the request's) and shows what it would create, or why it
 * cannot work. Its validation runs it again on Next, so a template whose
 * choices cannot work stops here, before any step runs.
 */
export function RayDryRun(
  props: FieldExtensionComponentProps<string, DryRunOptions>,
) {
  const { schema, uiSchema, formContext, onChange, rawErrors = [] } = props;
  const operation = uiSchema?.['ui:options']?.operation;
  const formData = (formContext?.formData ?? {}) as Record<string, unknown>;
  const api = useApi(rayServiceApiRef);
  const request = isPlanOperation(operation)
    ? JSON.stringify(planRequestOf(operation, formData))
    : undefined;
  const plan = useAsyncRetry(async () => {
    if (!isPlanOperation(operation)) {
      throw new Error(
        `ui:options.operation must be one of planTenant, planRayCluster, planRayJob, planRayService`,
      );
    }
    return runPlan(api, operation, formData);
    // The form's request is the key: the plan follows what the form asks for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, operation, request]);

  useEffect(() => {
    if (plan.value) {
      onChange(DRY_RUN_PASSED);
    } else if (plan.error) {
      onChange(DRY_RUN_REFUSED);
    }
  }, [plan.value, plan.error, onChange]);

  let body;
  if (plan.loading) {
    body = (
      <>
        <Typography variant="body2">
          Checking your choices with the Ray service…
        </Typography>
        <Progress />
      </>
    );
  } else if (plan.error) {
    body = (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={plan.retry}>
            Check again
          </Button>
        }
      >
        This cannot work as chosen: {plan.error.message}
      </Alert>
    );
  } else if (plan.value) {
    const { lines, warnings, yaml } = plan.value;
    body = (
      <>
        <Alert severity="success">
          The Ray service checked your choices: this can be created.
        </Alert>
        {lines.length > 0 && (
          <Box component="ul" pl={3} my={1}>
            {lines.map(line => (
              <Typography component="li" variant="body2" key={line}>
                {line}
              </Typography>
            ))}
          </Box>
        )}
        {warnings.map(warning => (
          <Box mt={1} key={warning}>
            <Alert severity="warning">{warning}</Alert>
          </Box>
        ))}
        <Expandable label="What would be created (YAML)">
          <YamlSnippet yaml={yaml} />
        </Expandable>
      </>
    );
  }
  return (
    <FormControl fullWidth margin="normal" error={rawErrors.length > 0}>
      <FormLabel>{schema.title ?? 'Dry run'}</FormLabel>
      {schema.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      <Box mt={1}>{body}</Box>
      {/* The validation's reasons, unless the refusal above says them already */}
      {[...new Set(rawErrors)]
        .filter(error => !plan.error?.message.includes(error))
        .map(error => (
          <FormHelperText key={error}>{error}</FormHelperText>
        ))}
    </FormControl>
  );
}
