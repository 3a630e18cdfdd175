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

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** Deeper hierarchies than this are cut (and cycles never loop). */
const MAX_DEPTH = 20;

/** The owner group and its ancestors, read from the catalog (`spec.parent`). */
async function readLineage(catalogApi: CatalogApi, owner: string) {
  const lineage: string[] = [];
  for (
    let ref: string | undefined = stringifyEntityRef(
      parseEntityRef(owner, { defaultKind: 'group' }),
    );
    ref && !lineage.includes(ref) && lineage.length < MAX_DEPTH;

  ) {
    lineage.push(ref);
    const group = await catalogApi.getEntityByRef(ref);
    const parent = group?.spec?.parent;
    ref =
      typeof parent === 'string'
        ? stringifyEntityRef(
            parseEntityRef(parent, {
              defaultKind: 'group',
              defaultNamespace: parseEntityRef(ref).namespace,
            }),
          )
        : undefined;
  }
  return lineage;
}

/** Read once per page for all the pickers of a form. */
const lineages = new WeakMap<CatalogApi, Map<string, Promise<string[]>>>();

/**
 * The owner group and its ancestors, as the backend expands them: sharing
 * with a group reaches its sub-groups.
 */
export function useOwnerLineage(owner: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    if (!owner) {
      return undefined;
    }
    let byOwner = lineages.get(catalogApi);
    if (!byOwner) {
      byOwner = new Map();
      lineages.set(catalogApi, byOwner);
    }
    let lineage = byOwner.get(owner);
    if (!lineage) {
      lineage = readLineage(catalogApi, owner);
      byOwner.set(owner, lineage);
      lineage.catch(() => byOwner!.delete(owner));
    }
    return lineage;
  }, [catalogApi, owner]);
}
