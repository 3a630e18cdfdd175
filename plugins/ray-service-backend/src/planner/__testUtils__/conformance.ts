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

import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';

/**
 * Access to the official schemas in ../shared/conformance (see its README).
 * Tests that need them must fail, not skip, on CI when the folder is missing.
 */

/** The first ancestor of `start` (itself included) holding `relative`. */
export function findUp(start: string, relative: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

export const CONFORMANCE_DIR = findUp(__dirname, 'shared/conformance');

const MISSING = `The conformance schemas were not found: expected a folder shared/conformance in an ancestor of ${__dirname} (../shared/conformance from the repository root).`;

/**
 * Whether conformance tests must stop here: on CI a missing folder is an
 * error, locally it is logged and the test passes without checking.
 */
export function conformanceUnavailable(
  dir: string | null = CONFORMANCE_DIR ?? null,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (dir) {
    return false;
  }
  if (env.CI) {
    throw new Error(`${MISSING} CI must run the conformance tests.`);
  }
  // eslint-disable-next-line no-console
  console.log(`${MISSING} Skipping the check locally.`);
  return true;
}

type Schema = Record<string, unknown>;

/**
 * Turns a CRD's structural schema into a JSON schema for ajv: the
 * `x-kubernetes-*` annotations are dropped, and objects that declare their
 * properties reject others. The API server would silently prune an unknown
 * field; in a plan it is a bug (a misspelt or misplaced field) to report.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(toJsonSchema);
  }
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  const schema = node as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!key.startsWith('x-kubernetes-')) {
      result[key] =
        key === 'enum' || key === 'required' ? value : toJsonSchema(value);
    }
  }
  const open = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (schema.properties && !('additionalProperties' in schema) && !open) {
    result.additionalProperties = false;
  }
  return result;
}

/** The validators of custom resources, by `apiVersion/kind`, compiled when first asked for. */
export interface CrdValidators {
  get(key: string): ValidateFunction | undefined;
}

const CRD_FILES = [
  'volcano/scheduling.volcano.sh_queues.yaml',
  'flux-helm-controller/helm.toolkit.fluxcd.io_helmreleases.yaml',
  'flux-source-controller/source.toolkit.fluxcd.io_helmrepositories.yaml',
  'flux-source-controller/source.toolkit.fluxcd.io_ocirepositories.yaml',
  'k3s-helm-controller/helm.cattle.io_helmcharts.yaml',
  'kuberay-v1.7.0/ray.io_rayclusters.yaml',
  'kuberay-v1.7.0/ray.io_rayjobs.yaml',
  'kuberay-v1.7.0/ray.io_rayservices.yaml',
];

/**
 * Validators of custom resources, by `apiVersion/kind`. KubeRay's schemas
 * take seconds to compile, so each is compiled when first used.
 */
export function crdValidators(dir: string): CrdValidators {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
  });
  const schemas = new Map<string, Schema>();
  for (const file of CRD_FILES) {
    const crd = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const version of crd.spec.versions) {
      schemas.set(
        `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
        version.schema.openAPIV3Schema,
      );
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  return {
    get(key) {
      const schema = schemas.get(key);
      if (schema && !compiled.has(key)) {
        compiled.set(key, ajv.compile(toJsonSchema(schema) as Schema));
      }
      return compiled.get(key);
    },
  };
}

export function vclusterValuesValidator(dir: string): ValidateFunction {
  const schema = JSON.parse(
    fs.readFileSync(
      path.join(dir, 'vcluster-v0.36.1/values.schema.json'),
      'utf8',
    ),
  );
  return new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: false,
  }).compile(schema);
}

/** The top-level keys of the KubeRay operator chart's values (commented ones included). */
export function kuberayOperatorValueKeys(dir: string): Set<string> {
  const text = fs.readFileSync(
    path.join(dir, 'kuberay-v1.7.0/kuberay-operator-values.yaml'),
    'utf8',
  );
  const commented = [...text.matchAll(/^# ([A-Za-z]+):/gm)].map(m => m[1]);
  return new Set([...Object.keys(parse(text)), ...commented]);
}

/** ajv's errors as one readable line each. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    error =>
      `${error.instancePath || '/'} ${error.message}${
        error.params && Object.keys(error.params).length
          ? ` ${JSON.stringify(error.params)}`
          : ''
      }`,
  );
}
