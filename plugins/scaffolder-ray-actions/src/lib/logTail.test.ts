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

import { newLogLines } from './logTail';

describe('newLogLines', () => {
  it('answers the lines after the part both reads saw', () => {
    expect(newLogLines('a\nb\n', 'a\nb\nc\nd\n')).toEqual(['c', 'd']);
  });

  it('follows a tail that slid past the first lines', () => {
    expect(newLogLines('a\nb\nc\n', 'b\nc\nd\n')).toEqual(['d']);
  });

  it('answers everything on the first read, nothing when nothing is new', () => {
    expect(newLogLines('', 'a\nb')).toEqual(['a', 'b']);
    expect(newLogLines('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('takes the longest overlap when lines repeat', () => {
    expect(newLogLines('x\ny\nx\ny\n', 'x\ny\nx\ny\nz\n')).toEqual(['z']);
  });

  it('answers all of a tail that shares nothing with the last one', () => {
    expect(newLogLines('a\nb\n', 'c\nd\n')).toEqual(['c', 'd']);
  });
});
