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
import { ListState } from '../../hooks/useRayServiceData';
import { AsyncContent } from './AsyncContent';

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
  return (
    <AsyncContent state={state}>
      {items => (items.length === 0 ? empty : children(items))}
    </AsyncContent>
  );
}
