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

import { formatQuantity, parseQuantity, sumQuantities } from './quantity';

describe('quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['4Gi', 4 * 2 ** 30],
    ['1.5k', 1500],
    ['1e3', 1000],
  ])('parses %s', (text, value) => {
    expect(parseQuantity(text)?.value).toBe(value);
  });

  it('writes canonical strings as apimachinery does', () => {
    const sum = (...qs: string[]) =>
      formatQuantity(sumQuantities(qs.map(q => parseQuantity(q)!)));
    expect(sum('1', '500m')).toBe('1500m');
    expect(sum('2Gi', '2Gi', '2Gi')).toBe('6Gi');
    expect(sum('1Gi', '512Mi')).toBe('1536Mi');
    expect(sum('1000')).toBe('1k');
    expect(sum('100M', '100M')).toBe('200M');
    expect(sum()).toBe('0');
  });
});
