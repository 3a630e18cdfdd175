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

import type { Registry } from '../registry';
import type { ObjectStore, StoreEvent } from '../store';
import { KubeObject, now } from '../util';

/**
 * Serves the resources of CustomResourceDefinitions as they are written: a stored CRD adds or
 * updates its type in the registry; a deleted one removes its objects, then its type.
 */
export function serveCustomResources(registry: Registry, store: ObjectStore) {
  store.onEvent(ev => {
    if (
      ev.group !== 'apiextensions.k8s.io' ||
      ev.resource !== 'customresourcedefinitions'
    )
      return;
    if (ev.type === 'DELETED') removeCustomResources(registry, store, ev);
    else if (
      !registry.isBuiltinKey(ev.obj.spec?.group, ev.obj.spec?.names?.plural)
    )
      registry.addCrd(ev.obj);
  });
}

function removeCustomResources(
  registry: Registry,
  store: ObjectStore,
  ev: StoreEvent,
) {
  const t = registry.getByResource(
    ev.obj.spec?.group,
    ev.obj.spec?.names?.plural,
  );
  if (!t || t.crdName !== ev.obj.metadata.name) return;
  for (const ns of store.namespacesOf(t)) {
    for (const n of store.namesIn(t, ns)) store.remove(t, ns, n);
  }
  registry.removeCrd(ev.obj);
}

/** The status the API server keeps on a CRD: names accepted, established, stored versions. */
export function setCrdStatus(crd: KubeObject) {
  const t = now();
  const prev = crd.status?.conditions ?? [];
  const since = (type: string) =>
    prev.find((c: KubeObject) => c.type === type && c.status === 'True')
      ?.lastTransitionTime ?? t;
  const storage = (crd.spec?.versions ?? []).find(
    (v: KubeObject) => v.storage,
  )?.name;
  const stored = new Set<string>(crd.status?.storedVersions ?? []);
  if (storage) stored.add(storage);
  crd.status = {
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: since('NamesAccepted'),
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: since('Established'),
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    acceptedNames: {
      kind: crd.spec?.names?.kind,
      listKind: crd.spec?.names?.listKind ?? `${crd.spec?.names?.kind}List`,
      plural: crd.spec?.names?.plural,
      singular:
        crd.spec?.names?.singular ??
        String(crd.spec?.names?.kind ?? '').toLowerCase(),
      ...(crd.spec?.names?.shortNames
        ? { shortNames: crd.spec.names.shortNames }
        : {}),
      ...(crd.spec?.names?.categories
        ? { categories: crd.spec.names.categories }
        : {}),
    },
    storedVersions: [...stored],
  };
}
