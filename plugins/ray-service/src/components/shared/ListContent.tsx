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
import { EmptyState } from '@backstage/core-components';
import { AsyncContent, LoadState } from './AsyncContent';

/**
 * The four states of a list: loading, failed (with a retry), empty (saying
 * why, with a call to action if any) and the items themselves.
 */
export function ListContent<T>(props: {
  state: LoadState<T[]>;
  /** What is loading, for the retry button: "Retry quota". */
  retryLabel?: string;
  empty: { title: string; description: string; action?: ReactElement };
  children: (items: T[]) => ReactNode;
}) {
  const { state, retryLabel, empty, children } = props;
  return (
    <AsyncContent state={state} retryLabel={retryLabel}>
      {items =>
        items.length === 0 ? (
          <EmptyState
            missing="data"
            title={empty.title}
            description={empty.description}
            action={empty.action}
          />
        ) : (
          children(items)
        )
      }
    </AsyncContent>
  );
}
