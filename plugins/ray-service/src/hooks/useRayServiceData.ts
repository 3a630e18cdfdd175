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

import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  ListResponse,
  PageParams,
} from '@ray-service/plugin-ray-service-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { RayServiceApi, rayServiceApiRef } from '../api';

/**
 * Loads data from the ray-service API; `retry()` reloads it. The old value
 * stays while reloading, so tables don't flicker after a change.
 */
export function useRayServiceData<T>(
  load: (api: RayServiceApi) => Promise<T>,
): AsyncStateRetry<T> {
  const api = useApi(rayServiceApiRef);
  // Loaded once per client; `load` is usually an inline arrow.
  return useAsyncRetry(() => load(api), [api]);
}

/** A list being loaded: what every tab renders. */
export interface ListState<T> {
  loading: boolean;
  error?: Error;
  value?: T[];
  retry: () => void;
}

/** A list read page by page. */
export interface PagedListState<T> extends ListState<T> {
  hasMore: boolean;
  loadMore: () => void;
  loadingMore: boolean;
  loadMoreError?: Error;
}

/**
 * A list endpoint read page by page: the first page on mount and on
 * `retry()`, the next one through `nextCursor` on `loadMore()`.
 */
export function usePagedList<T>(
  loadPage: (api: RayServiceApi, page: PageParams) => Promise<ListResponse<T>>,
): PagedListState<T> {
  const api = useApi(rayServiceApiRef);
  const firstPage = useRayServiceData(client => loadPage(client, {}));
  // Later pages belong to the first page they followed; a reload drops them.
  const [more, setMore] = useState<{
    after: ListResponse<T>;
    pages: ListResponse<T>[];
  }>();
  const pages: ListResponse<T>[] = [];
  if (firstPage.value) {
    pages.push(firstPage.value);
    if (more?.after === firstPage.value) {
      pages.push(...more.pages);
    }
  }
  const cursor = pages[pages.length - 1]?.nextCursor;

  const [moreState, loadMore] = useAsyncFn(async () => {
    const after = firstPage.value;
    if (!after || !cursor) {
      return;
    }
    const page = await loadPage(api, { cursor });
    setMore(previous => ({
      after,
      pages: [...(previous?.after === after ? previous.pages : []), page],
    }));
  }, [api, firstPage.value, cursor]);

  return {
    loading: firstPage.loading,
    error: firstPage.error,
    value: firstPage.value && pages.flatMap(page => page.items),
    retry: firstPage.retry,
    hasMore: cursor !== undefined,
    loadMore,
    loadingMore: moreState.loading,
    loadMoreError: moreState.error,
  };
}
