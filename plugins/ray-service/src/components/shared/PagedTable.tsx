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
import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { PagedListState } from '../../hooks/useRayServiceData';
import { LoadMoreButton } from './LoadMoreButton';
import { ListContent } from './ListContent';

/**
 * The call to action of a list tab, e.g. "Create profile": a primary button
 * shown above the table and in the empty state.
 */
export const ActionButton = (props: {
  label: string;
  onClick: () => void;
  icon?: ReactNode;
}) => (
  <Button
    variant="contained"
    color="primary"
    startIcon={props.icon}
    onClick={props.onClick}
  >
    {props.label}
  </Button>
);

/**
 * A tab's paged list as a table: loading, failed, empty (with a title, a
 * description and `emptyAction`), or the table with "Load more" below it.
 * `action` stands above the table, and in the empty state unless
 * `emptyAction` is given.
 */
export function PagedTable<T extends object>(props: {
  state: PagedListState<T>;
  title: string;
  columns: TableColumn<T>[];
  emptyTitle: string;
  emptyDescription: string;
  action?: ReactElement;
  emptyAction?: ReactElement;
}) {
  const { state, title, columns, action } = props;
  return (
    <ListContent
      state={state}
      empty={{
        title: props.emptyTitle,
        description: props.emptyDescription,
        action: props.emptyAction ?? action,
      }}
    >
      {items => (
        <>
          {action && <Box mb={2}>{action}</Box>}
          <Table
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns}
            data={items}
            title={title}
          />
          <LoadMoreButton state={state} />
        </>
      )}
    </ListContent>
  );
}
