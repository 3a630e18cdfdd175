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

import { z } from 'zod';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS-1123 label's characters (its length is checked apart). */
export const DNS_LABEL_PATTERN = DNS_LABEL;
/** A DNS-1123 subdomain's characters (its length, at most 253, is checked apart). */
export const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

// The regular expression recommended by https://semver.org.
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

// A DNS name (any case) or an IPv4 address.
const NAME_HOST =
  '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*';
// That or a bracketed IPv6 address.
const HOST = `(?:${NAME_HOST}|\\[[0-9a-fA-F:.]+\\])`;
// A port, 1 to 65535, digit by digit so that the OpenAPI document states it.
const PORT =
  '(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])';
/** `host:port`, e.g. `redis.ray-system.svc:6379`. */
export const HOST_PORT = new RegExp(`^${HOST}:${PORT}$`);
/**
 * `host[:port][/path]`, e.g. `registry.example.com:5000/ray`: Docker's
 * reference grammar, host[:port] followed by lowercase path components.
 */
export const IMAGE_REGISTRY = new RegExp(
  `^${HOST}(?::${PORT})?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$`,
);

/**
 * A Helm chart repository: an `https://` or `oci://` URL with a host name
 * or IPv4 address, an optional port and a path, e.g.
 * `oci://ghcr.io/example/charts`.
 */
export const CHART_REPOSITORY = new RegExp(
  `^(?:https|oci)://${NAME_HOST}(?::${PORT})?(?:/[-A-Za-z0-9._~%]*)*$`,
);

/**
 * A character that JavaScript's `String.prototype.trim` keeps, spelt out
 * because engines disagree on `\s` (Python's leaves U+FEFF out) and
 * OpenAPI clients test the pattern with their own.
 */
const NOT_WHITESPACE =
  /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Text that must hold more than whitespace, stored trimmed. Its pattern
 * tells OpenAPI clients that whitespace alone is refused.
 */
export function requiredTextSchema(maxLength: number) {
  return z.string().trim().regex(NOT_WHITESPACE, 'is required').max(maxLength);
}

/** Whether `value` is `host:port`, e.g. `redis.ray-system.svc:6379`. */
export function isHostPort(value: string): boolean {
  return HOST_PORT.test(value);
}

/** Whether `value` is `host[:port][/path]`, e.g. `registry.example.com:5000/ray`. */
export function isImageRegistry(value: string): boolean {
  return IMAGE_REGISTRY.test(value);
}

/** A key of a Secret's data (its length, at most 253, is checked apart). */
export const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

// Label syntax with every length in the pattern, so that the OpenAPI document
// states it exactly. A name: 1 to 63 characters. A key's prefix: a DNS
// subdomain of up to 6 labels of up to 40 characters (at most 245, within
// Kubernetes' 253; longer prefixes are refused).
const LABEL_NAME = '[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const PREFIX_LABEL = '[a-z0-9](?:[-a-z0-9]{0,38}[a-z0-9])?';
const LABEL_PREFIX = `${PREFIX_LABEL}(?:\\.${PREFIX_LABEL}){0,5}`;
export const LABEL_KEY_PATTERN = `^(?:${LABEL_PREFIX}/)?${LABEL_NAME}$`;
export const LABEL_VALUE_PATTERN = `^(?:${LABEL_NAME})?$`;
const LABEL_KEY = new RegExp(LABEL_KEY_PATTERN);
const LABEL_VALUE = new RegExp(LABEL_VALUE_PATTERN);

/** Whether `value` is a label key: `[dns-subdomain-prefix/]name`. */
export function isLabelKey(value: string): boolean {
  return LABEL_KEY.test(value);
}

/** Whether `value` is a label value: empty or a name of at most 63. */
export function isLabelValue(value: string): boolean {
  return LABEL_VALUE.test(value);
}

/** Whether `value` is a key of a Secret's data. */
export function isSecretKey(value: string): boolean {
  return value.length <= 253 && SECRET_KEY.test(value);
}

/** Whether `value` is a DNS-1123 label (a Kubernetes object name). */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** Whether `value` is a DNS-1123 subdomain (e.g. a Secret name). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** Whether `value` is a semantic version such as `1.2.0` or `2.0.0-rc.1`. */
export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

/** A DNS-1123 label: lowercase letters, digits and `-`, at most 63 long. */
export const slugSchema = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(
    DNS_LABEL,
    'must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit',
  );

/** A semantic version without a leading `v`, e.g. `1.2.0`. */
export const semverSchema = z
  .string()
  .max(255, 'must be at most 255 characters')
  .regex(SEMVER, 'must be a semantic version such as "1.2.0"');

/** An ISO 8601 timestamp as the REST API sends it. */
export const timestampSchema = z.iso.datetime({ offset: true });

/**
 * A refinement rejecting arrays with two items of the same key, reported at
 * the second occurrence.
 */
export function uniqueBy<T>(
  keyOf: (item: T) => string,
  describe: (key: string) => string,
  params?: Record<string, unknown>,
) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          message: describe(key),
          path: [index],
          ...(params && { params }),
        });
      }
      seen.add(key);
    });
  };
}
