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

import type { StatusCause } from './errors';
import type { ResourceType } from './registry';
import { isPlainObject, KubeObject } from './util';

const QUANTITY_RE =
  /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

function quantityCauses(map: unknown, field: string): StatusCause[] {
  if (!isPlainObject(map)) return [];
  const out: StatusCause[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'number') continue;
    if (typeof v !== 'string' || !QUANTITY_RE.test(v)) {
      out.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          v,
        )}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        field: `${field}[${k}]`,
      });
    }
  }
  return out;
}

/** A few checks the real API server does for built-in kinds (custom resources have schemas). */
export function builtinValidation(
  rt: ResourceType,
  obj: KubeObject,
): StatusCause[] {
  if (rt.crdName) return [];
  const causes: StatusCause[] = [];
  const spec = obj.spec ?? {};
  switch (`${rt.group}/${rt.resource}`) {
    case 'apps/deployments':
    case 'apps/statefulsets':
    case 'apps/replicasets':
    case 'apps/daemonsets': {
      if (!spec.selector)
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.selector',
        });
      const labels = spec.template?.metadata?.labels ?? {};
      const want = spec.selector?.matchLabels ?? {};
      for (const [k, v] of Object.entries(want)) {
        if (labels[k] !== v) {
          causes.push({
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(
              labels,
            )}: \`selector\` does not match template \`labels\``,
            field: 'spec.template.metadata.labels',
          });
          break;
        }
      }
      if (
        spec.replicas !== undefined &&
        (!Number.isInteger(spec.replicas) || spec.replicas < 0)
      ) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(
            spec.replicas,
          )}: must be greater than or equal to 0`,
          field: 'spec.replicas',
        });
      }
      break;
    }
    case '/resourcequotas':
      causes.push(...quantityCauses(spec.hard, 'spec.hard'));
      break;
    case '/limitranges':
      (spec.limits ?? []).forEach((l: KubeObject, i: number) => {
        for (const k of [
          'default',
          'defaultRequest',
          'max',
          'min',
          'maxLimitRequestRatio',
        ]) {
          causes.push(...quantityCauses(l?.[k], `spec.limits[${i}].${k}`));
        }
      });
      break;
    case '/configmaps':
      for (const [k, v] of Object.entries(obj.data ?? {})) {
        if (typeof v !== 'string')
          causes.push({
            reason: 'FieldValueTypeInvalid',
            message: 'Invalid value: must be a string',
            field: `data[${k}]`,
          });
      }
      break;
    case 'rbac.authorization.k8s.io/roles':
    case 'rbac.authorization.k8s.io/clusterroles':
      (obj.rules ?? []).forEach((r: KubeObject, i: number) => {
        if (!Array.isArray(r?.verbs) || r.verbs.length === 0) {
          causes.push({
            reason: 'FieldValueRequired',
            message: 'Required value: verbs must contain at least one value',
            field: `rules[${i}].verbs`,
          });
        }
      });
      break;
    case 'rbac.authorization.k8s.io/rolebindings':
    case 'rbac.authorization.k8s.io/clusterrolebindings':
      if (!obj.roleRef?.name)
        causes.push({
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'roleRef.name',
        });
      break;
    case 'apiextensions.k8s.io/customresourcedefinitions':
      causes.push(...crdCauses(obj));
      break;
    default:
  }
  return causes;
}

function crdCauses(crd: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = crd.spec ?? {};
  if (!spec.group)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.group',
    });
  if (!spec.names?.plural)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.names.plural',
    });
  if (!spec.names?.kind)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.names.kind',
    });
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(
        spec.scope ?? '',
      )}: supported values: "Cluster", "Namespaced"`,
      field: 'spec.scope',
    });
  }
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  if (versions.length === 0)
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.versions',
    });
  else if (versions.filter((v: KubeObject) => v.storage).length !== 1) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(
        versions.map((v: KubeObject) => v.name),
      )}: must have exactly one version marked as storage version`,
      field: 'spec.versions',
    });
  }
  if (
    spec.group &&
    spec.names?.plural &&
    crd.metadata?.name !== `${spec.names.plural}.${spec.group}`
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(
        crd.metadata?.name,
      )}: must be spec.names.plural+"."+spec.group`,
      field: 'metadata.name',
    });
  }
  return causes;
}
