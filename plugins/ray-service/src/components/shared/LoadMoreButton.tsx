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

import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { PagedListState } from '../../hooks/useRayServiceData';
import { reasonOf } from './errors';

/** "Load more" under a paged list, with the error of the last attempt. */
export function LoadMoreButton(props: { state: PagedListState<unknown> }) {
  const { hasMore, loadMore, loadingMore, loadMoreError } = props.state;
  if (!hasMore) {
    return null;
  }
  return (
    <Box mt={2} display="flex" flexDirection="column" alignItems="center">
      {loadMoreError && (
        <Alert severity="error">
          Could not load more: {reasonOf(loadMoreError)}
        </Alert>
      )}
      <Button variant="outlined" onClick={loadMore} disabled={loadingMore}>
        {loadingMore ? 'Loading…' : 'Load more'}
      </Button>
    </Box>
  );
}
