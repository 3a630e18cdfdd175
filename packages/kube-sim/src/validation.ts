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

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { createHash } from 'node:crypto';
import { StatusCause } from './errors';
import { clone, isPlainObject, KubeObject } from './util';

// ---------------------------------------------------------------------------
// metadata.name and labels

const SUBDOMAIN_RE =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path';

export function validateName(
  rule: NameRule,
  name: string,
  field = 'metadata.name',
): StatusCause[] {
  const bad = (msg: string): StatusCause[] => [
    {
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(name)}: ${msg}`,
      field,
    },
  ];
  switch (rule) {
    case 'path':
      if (name === '.' || name === '..') return bad(`may not be '${name}'`);
      if (name.includes('/')) return bad("may not contain '/'");
      if (name.includes('%')) return bad("may not contain '%'");
      return [];
    case 'label':
      if (name.length > 63) return bad('must be no more than 63 characters');
      return LABEL_RE.test(name) ? [] : bad(LABEL_MSG);
    case 'dns1035':
      if (name.length > 63) return bad('must be no more than 63 characters');
      return DNS1035_RE.test(name) ? [] : bad(DNS1035_MSG);
    default:
      if (name.length > 253) return bad('must be no more than 253 characters');
      return SUBDOMAIN_RE.test(name) ? [] : bad(SUBDOMAIN_MSG);
  }
}

export function validateLabels(labels: unknown): StatusCause[] {
  if (labels === undefined || labels === null) return [];
  if (!isPlainObject(labels)) {
    return [
      {
        reason: 'FieldValueTypeInvalid',
        message: 'Invalid value: must be a map of strings',
        field: 'metadata.labels',
      },
    ];
  }
  const causes: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    const slash = k.lastIndexOf('/');
    const prefix = slash >= 0 ? k.slice(0, slash) : undefined;
    const nm = slash >= 0 ? k.slice(slash + 1) : k;
    if (
      (prefix !== undefined &&
        (prefix.length > 253 || !SUBDOMAIN_RE.test(prefix))) ||
      nm.length > 63 ||
      !QUALIFIED_NAME_RE.test(nm)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          k,
        )}: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
        field: 'metadata.labels',
      });
    }
    if (typeof v !== 'string') {
      causes.push({
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: ${JSON.stringify(
          v,
        )}: label values must be strings`,
        field: `metadata.labels.${k}`,
      });
    } else if (v.length > 63 || !LABEL_VALUE_RE.test(v)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          v,
        )}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        field: 'metadata.labels',
      });
    }
  }
  return causes;
}

// ---------------------------------------------------------------------------
// openAPIV3Schema of CRDs

/**
 * Rewrites a structural schema for ajv: drops `x-kubernetes-*` annotations, turns
 * `x-kubernetes-int-or-string` into anyOf, and sets `additionalProperties: false` on
 * objects that do not preserve unknown fields, so that ajv (with `removeAdditional`)
 * prunes unknown fields the way the API server does.
 */
export function prepareSchema(
  schema: KubeObject,
  root = true,
  inBranch = false,
): KubeObject {
  if (!isPlainObject(schema)) return schema;
  const out: KubeObject = {};
  for (const [k, v] of Object.entries(schema)) {
    if (
      k.startsWith('x-kubernetes-') ||
      k === 'description' ||
      k === 'example' ||
      k === 'externalDocs' ||
      k === 'format'
    ) {
      continue;
    }
    switch (k) {
      case 'properties':
        out.properties = {};
        for (const [pk, pv] of Object.entries(v as KubeObject)) {
          out.properties[pk] = prepareSchema(pv as KubeObject, false, inBranch);
        }
        break;
      case 'items':
        out.items = Array.isArray(v)
          ? v.map(x => prepareSchema(x, false, inBranch))
          : prepareSchema(v as KubeObject, false, inBranch);
        break;
      case 'additionalProperties':
        out.additionalProperties =
          typeof v === 'boolean'
            ? v
            : prepareSchema(v as KubeObject, false, inBranch);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[k] = (v as KubeObject[]).map(x => prepareSchema(x, false, true));
        break;
      case 'not':
        out.not = prepareSchema(v as KubeObject, false, true);
        break;
      case 'pattern':
        try {
          // eslint-disable-next-line no-new
          new RegExp(String(v));
          out.pattern = v;
        } catch {
          // A Go (RE2) pattern that JavaScript cannot compile: skip the check.
        }
        break;
      default:
        out[k] = v;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    if (!out.anyOf && !out.oneOf)
      out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.nullable && !out.type) delete out.nullable;
  if (schema['x-kubernetes-embedded-resource'] === true) {
    out.properties = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...(out.properties ?? {}),
    };
  }
  const isObject =
    out.type === 'object' ||
    (out.type === undefined && out.properties !== undefined);
  if (
    isObject &&
    !inBranch &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true &&
    out.additionalProperties === undefined
  ) {
    out.additionalProperties = false;
  }
  if (root) {
    out.properties = {
      ...(out.properties ?? {}),
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
    };
  }
  return out;
}

let sharedAjv: Ajv | undefined;
function ajv(): Ajv {
  if (!sharedAjv) {
    sharedAjv = new Ajv({
      strict: false,
      allErrors: true,
      removeAdditional: true,
      useDefaults: true,
      validateFormats: false,
      unicodeRegExp: false,
      // Large CRDs (KubeRay's) compile 3x faster without ajv's code optimizer.
      code: { optimize: false },
    });
  }
  return sharedAjv;
}

const byObject = new WeakMap<object, ValidateFunction>();
const byHash = new Map<string, ValidateFunction>();

/** Compiles a CRD schema once per process (cached by content) and returns the validator. */
export function compiledSchema(schema: KubeObject): ValidateFunction {
  const hit = byObject.get(schema);
  if (hit) return hit;
  const hash = createHash('sha1').update(JSON.stringify(schema)).digest('hex');
  let fn = byHash.get(hash);
  if (!fn) {
    fn = ajv().compile(prepareSchema(schema));
    byHash.set(hash, fn);
  }
  byObject.set(schema, fn);
  return fn;
}

export interface SchemaResult {
  /** The object after pruning and defaulting. */
  obj: KubeObject;
  causes: StatusCause[];
  /** Paths of fields that were pruned (e.g. `spec.foo`). */
  pruned: string[];
}

/** Validates, prunes and defaults an object against a CRD version's schema. */
export function validateWithSchema(
  schema: KubeObject | undefined,
  input: KubeObject,
): SchemaResult {
  if (!schema) return { obj: input, causes: [], pruned: [] };
  const fn = compiledSchema(schema);
  const work = clone(input);
  const ok = fn(work);
  const pruned: string[] = [];
  collectPruned(input, work, '', pruned);
  const causes = ok ? [] : toCauses(fn.errors ?? [], work);
  return { obj: work, causes, pruned };
}

function collectPruned(
  before: unknown,
  after: unknown,
  path: string,
  out: string[],
) {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < before.length && i < after.length; i++) {
      collectPruned(before[i], after[i], `${path}[${i}]`, out);
    }
    return;
  }
  if (!isPlainObject(before) || !isPlainObject(after)) return;
  for (const k of Object.keys(before)) {
    const p = path ? `${path}.${k}` : k;
    if (!(k in after)) out.push(p);
    else if (p !== 'metadata') collectPruned(before[k], after[k], p, out);
  }
}

function fieldPath(instancePath: string): string {
  if (!instancePath) return '';
  let out = '';
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

function valueAt(data: unknown, instancePath: string): unknown {
  let cur: any = data;
  if (!instancePath) return cur;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur === null || cur === undefined ? undefined : cur[seg];
  }
  return cur;
}

function fmt(v: unknown): string {
  return typeof v === 'string'
    ? JSON.stringify(v)
    : JSON.stringify(v) ?? 'null';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function toCauses(errors: ErrorObject[], data: unknown): StatusCause[] {
  // Errors inside anyOf/oneOf branches are folded into the anyOf/oneOf error itself.
  const branchPaths = errors
    .filter(e => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map(e => e.schemaPath);
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (
      branchPaths.some(
        p => e.schemaPath !== p && e.schemaPath.startsWith(`${p}/`),
      )
    )
      continue;
    const path = fieldPath(e.instancePath);
    const value = valueAt(data, e.instancePath);
    const where = path || '<root>';
    let cause: StatusCause;
    switch (e.keyword) {
      case 'required': {
        const missing = String((e.params as any).missingProperty);
        cause = {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: path ? `${path}.${missing}` : missing,
        };
        break;
      }
      case 'type':
        cause = {
          reason: 'FieldValueTypeInvalid',
          message: `Invalid value: "${typeName(
            value,
          )}": ${where} in body must be of type ${
            (e.params as any).type
          }: ${fmt(value)}`,
          field: path,
        };
        break;
      case 'enum':
        cause = {
          reason: 'FieldValueNotSupported',
          message: `Unsupported value: ${fmt(value)}: supported values: ${(
            (e.params as any).allowedValues ?? []
          )
            .map((x: unknown) => fmt(x))
            .join(', ')}`,
          field: path,
        };
        break;
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'exclusiveMaximum': {
        const comparison = e.keyword.endsWith('inimum') ? 'greater' : 'less';
        const orEqual = e.keyword.startsWith('exclusive') ? '' : 'or equal to ';
        cause = {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${fmt(
            value,
          )}: ${where} in body should be ${comparison} than ${orEqual}${
            (e.params as any).limit
          }`,
          field: path,
        };
        break;
      }
      case 'minLength':
      case 'maxLength':
        cause = {
          reason:
            e.keyword === 'maxLength'
              ? 'FieldValueTooLong'
              : 'FieldValueInvalid',
          message: `Invalid value: ${fmt(
            value,
          )}: ${where} in body should be at ${
            e.keyword === 'minLength' ? 'least' : 'most'
          } ${(e.params as any).limit} chars long`,
          field: path,
        };
        break;
      case 'minItems':
      case 'maxItems':
        cause = {
          reason:
            e.keyword === 'maxItems'
              ? 'FieldValueTooMany'
              : 'FieldValueInvalid',
          message: `Invalid value: ${
            Array.isArray(value) ? value.length : fmt(value)
          }: ${where} in body should have at ${
            e.keyword === 'minItems' ? 'least' : 'most'
          } ${(e.params as any).limit} items`,
          field: path,
        };
        break;
      case 'pattern':
        cause = {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${fmt(
            value,
          )}: ${where} in body should match '${(e.params as any).pattern}'`,
          field: path,
        };
        break;
      default:
        cause = {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${fmt(value)}: ${where} in body ${
            e.message ?? 'is invalid'
          }`,
          field: path,
        };
    }
    const key = `${cause.field}|${cause.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      causes.push(cause);
    }
  }
  return causes;
}
