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

import { ReactElement, ReactNode } from 'react';
import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ListResponse } from '@ray-service/plugin-ray-service-common';
import { PolledState } from '../../hooks/usePolledData';
import { ListContent } from '../shared';

/**
 * A card with a polled list of workloads as a paged, searchable table:
 * loading, failed (with a retry), empty (with the action, if allowed), or
 * the table. Lists longer than a page of the API say so.
 */
export function WorkloadTable<T extends object>(props: {
  title: string;
  state: PolledState<ListResponse<T>>;
  columns: TableColumn<T>[];
  emptyTitle: string;
  emptyDescription: string;
  /** The create button, when the user may create. */
  action?: ReactElement;
  /** Dialogs of the rows' actions. */
  children?: ReactNode;
}) {
  const { title, state, columns, action } = props;
  return (
    <InfoCard title={title} noPadding>
      <Box p={2} pb={0}>
        <ListContent
          state={{ ...state, value: state.value?.items }}
          retryLabel={`Retry ${title.toLowerCase()}`}
          empty={{
            title: props.emptyTitle,
            description: props.emptyDescription,
            action,
          }}
        >
          {items => (
            <>
              {action && <Box mb={1}>{action}</Box>}
              <Table<T>
                options={{
                  paging: items.length > 10,
                  pageSize: 10,
                  pageSizeOptions: [10, 25, 50, 100],
                  search: items.length > 10,
                  padding: 'dense',
                  toolbar: items.length > 10,
                }}
                columns={columns}
                data={items}
              />
              {state.value?.nextCursor && (
                <Typography variant="caption" color="textSecondary">
                  Showing the first {items.length}.
                </Typography>
              )}
            </>
          )}
        </ListContent>
      </Box>
      {props.children}
    </InfoCard>
  );
}
