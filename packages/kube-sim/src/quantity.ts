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

/** A Kubernetes resource quantity: its value in base units and the format it was written in. */
export interface Quantity {
  value: number;
  format: 'BinarySI' | 'DecimalSI';
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};
const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Parses `500m`, `2`, `4Gi`, `1e3` (numbers pass through); undefined when it is not a quantity. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number') return { value: input, format: 'DecimalSI' };
  if (typeof input !== 'string') return undefined;
  const m = QUANTITY.exec(input.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY)
    return { value: n * BINARY[suffix], format: 'BinarySI' };
  if (/^[eE]/.test(suffix))
    return { value: n * 10 ** Number(suffix.slice(1)), format: 'DecimalSI' };
  return { value: n * DECIMAL[suffix], format: 'DecimalSI' };
}

/** The value of a quantity in base units (0 when absent or malformed). */
export function quantityValue(input: unknown): number {
  return parseQuantity(input)?.value ?? 0;
}

/**
 * The canonical string of a quantity, as apimachinery's `Quantity.String()` writes it:
 * fractions in milli-units (`1500m`), whole numbers with the largest exact suffix (`2k`, `4Gi`);
 * a binary quantity that is not a multiple of 1024 is written in decimal.
 */
export function formatQuantity(q: Quantity): string {
  const milli = Math.round(q.value * 1000);
  if (milli === 0) return '0';
  if (milli % 1000 !== 0) return `${milli}m`;
  const whole = milli / 1000;
  if (q.format === 'BinarySI') {
    for (const [suffix, factor] of Object.entries(BINARY).reverse()) {
      if (Math.abs(whole) >= factor && whole % factor === 0)
        return `${whole / factor}${suffix}`;
    }
    if (Math.abs(whole) < 1024) return String(whole);
  }
  for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k']) {
    const factor = DECIMAL[suffix];
    if (whole % factor === 0) return `${whole / factor}${suffix}`;
  }
  return String(whole);
}

/** Sums quantities; the result keeps the format of the first, as `Quantity.Add` does. */
export function sumQuantities(items: Quantity[]): Quantity {
  return {
    value: items.reduce((acc, q) => acc + q.value, 0),
    format: items[0]?.format ?? 'DecimalSI',
  };
}
