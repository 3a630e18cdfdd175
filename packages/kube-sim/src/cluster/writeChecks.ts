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

import { builtinValidation } from '../builtinValidation';
import { badRequest, invalid, StatusCause } from '../errors';
import type { ResourceType } from '../registry';
import { joinApiVersion, KubeObject, splitApiVersion } from '../util';
import {
  validateLabels,
  validateName,
  validateWithSchema,
} from '../validation';
import type { WriteOptions } from './options';

/** The body's apiVersion and kind must match the URL (and be set, for apply). */
export function checkTypeMeta(
  rt: ResourceType,
  version: string,
  input: KubeObject,
  required: boolean,
) {
  const gv = joinApiVersion(rt.group, version);
  if (required && !input.apiVersion) throw badRequest('apiVersion must be set');
  if (required && !input.kind) throw badRequest('kind must be set');
  if (input.apiVersion && input.apiVersion !== gv) {
    const { group } = splitApiVersion(String(input.apiVersion));
    if (
      group !== rt.group ||
      !rt.versions.includes(splitApiVersion(String(input.apiVersion)).version)
    ) {
      throw badRequest(
        `the API version in the data (${input.apiVersion}) does not match the expected API version (${gv})`,
      );
    }
  }
  if (input.kind && input.kind !== rt.kind) {
    throw badRequest(
      `the kind in the data (${input.kind}) does not match the expected kind (${rt.kind})`,
    );
  }
}

export function checkNamespaceMatch(
  rt: ResourceType,
  ns: string | undefined,
  input: KubeObject,
) {
  const bodyNs = input.metadata?.namespace;
  if (rt.namespaced && bodyNs && ns && bodyNs !== ns) {
    throw badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
}

export function checkNameMatch(input: KubeObject, name: string) {
  if (input.metadata?.name && input.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
}

/**
 * Validates an object about to be written: name (on create), labels, the checks of built-in
 * kinds, the CRD schema of custom resources (unknown fields are pruned with a warning, or
 * refused with `fieldValidation=Strict`). Returns the pruned object and the warnings.
 */
export function validateWrite(
  rt: ResourceType,
  version: string,
  obj: KubeObject,
  opts: WriteOptions,
  old?: KubeObject,
): { obj: KubeObject; warnings: string[] } {
  const name = obj.metadata.name;
  const causes: StatusCause[] = [];
  if (!old) causes.push(...validateName(rt.nameRule, name));
  causes.push(...validateLabels(obj.metadata.labels));
  causes.push(...builtinValidation(rt, obj));
  let result = obj;
  let warnings: string[] = [];
  if (rt.crdName) {
    const schema = rt.schemas?.[version];
    const statusSeparate = rt.hasStatus && opts.subresource !== 'status';
    const input = statusSeparate ? { ...obj, status: undefined } : obj;
    if (statusSeparate) delete input.status;
    const v = validateWithSchema(schema, input);
    causes.push(...v.causes);
    result = v.obj;
    if (statusSeparate && obj.status !== undefined) result.status = obj.status;
    result.metadata = obj.metadata;
    warnings = v.pruned.map(p => `unknown field "${p}"`);
    if (v.pruned.length && opts.fieldValidation === 'Strict') {
      throw badRequest(`strict decoding error: ${warnings.join(', ')}`);
    }
    if (opts.fieldValidation === 'Ignore') warnings = [];
  }
  if (causes.length) throw invalid(rt.kind, rt.group, name, causes);
  return { obj: result, warnings };
}
