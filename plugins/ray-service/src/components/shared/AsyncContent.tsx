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
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';

/** Something being loaded: a tab's list, a cluster's preflight, … */
export interface LoadState<T> {
  error?: Error;
  value?: T;
  retry: () => void;
}

/**
 * Loaded data, or while there is none yet a progress bar, or the error with
 * a retry. Reloading keeps showing the old value.
 */
export function AsyncContent<T>(props: {
  state: LoadState<T>;
  /** What is loading, for the retry button: "Retry preflight". */
  retryLabel?: string;
  children: (value: T) => ReactNode;
}) {
  const { state, retryLabel = 'Retry', children } = props;
  if (state.error) {
    return (
      <>
        <ResponseErrorPanel error={state.error} />
        <Box mt={2}>
          <Button variant="outlined" color="primary" onClick={state.retry}>
            {retryLabel}
          </Button>
        </Box>
      </>
    );
  }
  if (state.value === undefined) {
    return <Progress />;
  }
  return <>{children(state.value)}</>;
}
