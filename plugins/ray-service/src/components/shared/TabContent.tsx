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
import { ListState } from '../../hooks/useRayServiceData';

/**
 * The four states of a tab's list: loading, failed (with a retry), empty
 * (with a call to action) and the data itself.
 */
export function TabContent<T>(props: {
  state: ListState<T>;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { state, empty, children } = props;
  if (state.error) {
    return (
      <>
        <ResponseErrorPanel error={state.error} />
        <Box mt={2}>
          <Button variant="outlined" color="primary" onClick={state.retry}>
            Retry
          </Button>
        </Box>
      </>
    );
  }
  if (!state.value) {
    return <Progress />;
  }
  if (state.value.length === 0) {
    return <>{empty}</>;
  }
  return <>{children(state.value)}</>;
}
