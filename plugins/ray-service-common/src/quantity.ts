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

import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Which resource a quantity measures. CPU is counted in millicores, memory and
 * storage in bytes.
 */
export type QuantityKind = 'cpu' | 'memory' | 'storage';

// Kubernetes' quantity grammar without the sign: resource amounts are never
// negative. Groups: number, binary suffix, decimal exponent, decimal suffix.
const QUANTITY =
  /^(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|([mkMGTPE]))?$/;
// Bounds the exact BigInt arithmetic; anything longer is not a real amount.
const MAX_QUANTITY_LENGTH = 64;
const MAX_DECIMAL_EXPONENT = 64;

const BINARY_SUFFIXES: readonly string[] = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_SUFFIXES: readonly string[] = ['k', 'M', 'G', 'T', 'P', 'E'];
const DECIMAL_SUFFIX_EXPONENT: Record<string, number> = {
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const EXAMPLES = '"500m", "8", "1.5", "32Gi" or "100G"';

/** A quantity as `mantissa × 10^pow10 × 2^pow2`, kept exact. */
interface ExactQuantity {
  mantissa: bigint;
  pow10: number;
  pow2: number;
}

type ParseResult = { value: number } | { error: string };

/**
 * Amounts are below 10^15 units (millicores, bytes): 1T cores, 1P bytes,
 * well within a safe integer. The bound is written as a pattern per kind,
 * so that the OpenAPI document states it: for each suffix or exponent, the
 * integer digits that keep the amount below it.
 */
const MAX_UNITS_DIGITS = 15;
const LIMITS: Record<QuantityKind, string> = {
  cpu: '1T cores (1e12)',
  memory: '1P bytes (1e15)',
  storage: '1P bytes (1e15)',
};

// A number below 10^digits: integer digits (after leading zeros) at most
// `digits`, any fraction.
function numberBelow(digits: number): string {
  const integer = digits > 0 ? `(?:0*[1-9]\\d{0,${digits - 1}}|0+)` : '0+';
  return `(?:${integer}(?:\\.\\d*)?|\\.\\d+)`;
}

function boundedQuantityPattern(kind: QuantityKind): string {
  const offset = kind === 'cpu' ? 3 : 0; // cores → millicores
  const room = MAX_UNITS_DIGITS - offset;
  const alternatives: string[] = [];
  // Digits `d` such that 10^d × unit ≤ 10^15 units.
  const digitsFor = (unit: bigint) => {
    let digits = -1;
    while (10n ** BigInt(digits + 1) * unit <= 10n ** BigInt(room)) digits++;
    return digits;
  };
  const add = (digits: number, suffix: string) => {
    if (digits >= 0) alternatives.push(`${numberBelow(digits)}${suffix}`);
  };
  add(room, '');
  add(room + 3, 'm');
  DECIMAL_SUFFIXES.forEach((suffix, i) =>
    add(digitsFor(10n ** BigInt(3 * (i + 1))), suffix),
  );
  BINARY_SUFFIXES.forEach((suffix, i) =>
    add(digitsFor(1024n ** BigInt(i + 1)), suffix),
  );
  add(room, `[eE]-0*(?:[1-5]?\\d|6[0-4])`);
  for (let exponent = 0; exponent <= room; exponent++) {
    add(room - exponent, `[eE]\\+?0*${exponent}`);
  }
  return `^(?:${alternatives.join('|')})$`;
}

const BOUNDED_QUANTITY: Record<QuantityKind, RegExp> = {
  cpu: new RegExp(boundedQuantityPattern('cpu')),
  memory: new RegExp(boundedQuantityPattern('memory')),
  storage: new RegExp(boundedQuantityPattern('storage')),
};

function invalidQuantityMessage(text: string): string {
  return `invalid quantity "${text}": expected a Kubernetes quantity such as ${EXAMPLES}`;
}

function readQuantity(text: string): ExactQuantity | undefined {
  const match = text.length <= MAX_QUANTITY_LENGTH && QUANTITY.exec(text);
  if (!match) {
    return undefined;
  }
  const [, number, binarySuffix, exponent, decimalSuffix] = match;
  const [integerDigits, fractionDigits = ''] = number.split('.');
  const decimalExponent = exponent
    ? Number(exponent)
    : DECIMAL_SUFFIX_EXPONENT[decimalSuffix ?? ''] ?? 0;
  if (Math.abs(decimalExponent) > MAX_DECIMAL_EXPONENT) {
    return undefined;
  }
  return {
    mantissa: BigInt(`${integerDigits}${fractionDigits}` || '0'),
    pow10: decimalExponent - fractionDigits.length,
    pow2: binarySuffix ? 10 * (BINARY_SUFFIXES.indexOf(binarySuffix) + 1) : 0,
  };
}

/**
 * Converts to millicores or bytes, rounding a fraction of the smallest unit up
 * as Kubernetes does (`0.1m` CPU is 1 millicore).
 */
function parse(text: string, kind: QuantityKind): ParseResult {
  const quantity = readQuantity(text);
  if (!quantity) {
    return { error: invalidQuantityMessage(text) };
  }
  if (!BOUNDED_QUANTITY[kind].test(text)) {
    return {
      error: `quantity "${text}" is too large: ${kind} must be below ${LIMITS[kind]}`,
    };
  }
  const pow10 = quantity.pow10 + (kind === 'cpu' ? 3 : 0); // cores → millicores
  const numerator =
    quantity.mantissa *
    2n ** BigInt(quantity.pow2) *
    10n ** BigInt(Math.max(pow10, 0));
  const denominator = 10n ** BigInt(Math.max(-pow10, 0));
  return { value: Number((numerator + denominator - 1n) / denominator) };
}

/** Whether `text` follows the Kubernetes quantity syntax. */
export function isQuantity(text: string): boolean {
  return readQuantity(text) !== undefined;
}

/**
 * Parses a Kubernetes quantity (`500m`, `8`, `1.5`, `32Gi`, `100G`, `2e3`)
 * into millicores for CPU and bytes for memory and storage.
 *
 * @throws InputError when the text is not a quantity or is not below
 * 10^15 units (1P bytes, 1T cores).
 */
export function parseQuantity(text: string, kind: QuantityKind): number {
  const result = parse(text, kind);
  if ('error' in result) {
    throw new InputError(result.error);
  }
  return result.value;
}

function assertUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer`);
  }
}

function withLargestSuffix(
  value: number,
  base: number,
  suffixes: readonly string[],
): string {
  for (let power = suffixes.length; power > 0; power--) {
    const unit = base ** power;
    if (value % unit === 0) {
      return `${value / unit}${suffixes[power - 1]}`;
    }
  }
  return String(value);
}

/**
 * Formats millicores or bytes canonically: CPU as whole cores (`8`) or
 * millicores (`500m`); bytes in the shortest exact form, preferring binary
 * suffixes on a tie (`32Gi`, `100G`, `1536Mi`).
 */
export function formatQuantity(value: number, kind: QuantityKind): string {
  assertUnits(value, 'A quantity');
  if (kind === 'cpu') {
    return value % 1000 === 0 ? String(value / 1000) : `${value}m`;
  }
  if (value === 0) {
    return '0';
  }
  const candidates = [
    withLargestSuffix(value, 1024, BINARY_SUFFIXES),
    withLargestSuffix(value, 1000, DECIMAL_SUFFIXES),
  ];
  return candidates.reduce((shortest, candidate) =>
    candidate.length < shortest.length ? candidate : shortest,
  );
}

/** The canonical form of a quantity: `1.5` CPU is `1500m`, `1024Mi` is `1Gi`. */
export function canonicalQuantity(text: string, kind: QuantityKind): string {
  return formatQuantity(parseQuantity(text, kind), kind);
}

function checkedFormat(value: number, kind: QuantityKind): string {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`The resulting ${kind} quantity is too large`);
  }
  return formatQuantity(value, kind);
}

/** Sums quantities of one kind; the sum of nothing is `0`. */
export function addQuantities(
  quantities: string[],
  kind: QuantityKind,
): string {
  const total = quantities.reduce(
    (sum, quantity) => sum + parseQuantity(quantity, kind),
    0,
  );
  return checkedFormat(total, kind);
}

/** Multiplies a quantity by a non-negative whole factor. */
export function multiplyQuantity(
  quantity: string,
  factor: number,
  kind: QuantityKind,
): string {
  assertUnits(factor, 'The factor');
  return checkedFormat(parseQuantity(quantity, kind) * factor, kind);
}

/** Compares two quantities of one kind; usable as a sort comparator. */
export function compareQuantities(
  a: string,
  b: string,
  kind: QuantityKind,
): -1 | 0 | 1 {
  const sign = Math.sign(parseQuantity(a, kind) - parseQuantity(b, kind));
  return sign as -1 | 0 | 1;
}

/**
 * A string in Kubernetes quantity syntax. Use {@link quantitySchemaFor} to also
 * check that the amount is representable for a given resource.
 */
export const quantitySchema = z.string().superRefine((text, ctx) => {
  if (!isQuantity(text)) {
    ctx.addIssue({ code: 'custom', message: invalidQuantityMessage(text) });
  }
});

/** A quantity of a given resource, rejected when malformed or too large. */
export function quantitySchemaFor(kind: QuantityKind) {
  return z
    .string()
    .superRefine((text, ctx) => {
      const result = parse(text, kind);
      if ('error' in result) {
        ctx.addIssue({ code: 'custom', message: result.error });
      }
    })
    .meta({
      pattern: BOUNDED_QUANTITY[kind].source,
      maxLength: MAX_QUANTITY_LENGTH,
    });
}
