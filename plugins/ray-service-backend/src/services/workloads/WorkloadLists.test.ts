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

import { ObservedObject } from '../../kubernetes/ObjectClient';
import { WorkloadLists } from './WorkloadLists';

const named = (...names: string[]) =>
  names.map(
    name =>
      ({
        apiVersion: 'ray.io/v1',
        kind: 'RayJob',
        metadata: { name },
      } as ObservedObject),
  );

/** A LIST that answers `names` and counts how often it was made. */
function countedList(...names: string[]) {
  const list = {
    calls: 0,
    load: async () => {
      list.calls++;
      return named(...names);
    },
  };
  return list;
}

const namesOf = (objects: ObservedObject[]) =>
  objects.map(object => object.metadata.name);

describe('WorkloadLists', () => {
  // lru-cache takes a start time of 0 for "no TTL"
  let now = 1_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('answers the objects sorted by name and reuses one LIST until its TTL ends', async () => {
    const lists = new WorkloadLists(2_000, clock);
    const list = countedList('b', 'c', 'a');
    expect(namesOf(await lists.get('t', 'RayJob', list.load))).toEqual([
      'a',
      'b',
      'c',
    ]);
    now = 3_000;
    await lists.get('t', 'RayJob', list.load);
    expect(list.calls).toBe(1);
    now = 3_001;
    await lists.get('t', 'RayJob', list.load);
    expect(list.calls).toBe(2);
  });

  it('keeps tenants and kinds apart', async () => {
    const lists = new WorkloadLists(2_000, clock);
    await lists.get('t', 'RayJob', countedList('job').load);
    expect(
      namesOf(await lists.get('t', 'RayCluster', countedList('rc').load)),
    ).toEqual(['rc']);
    expect(
      namesOf(await lists.get('u', 'RayJob', countedList('other').load)),
    ).toEqual(['other']);
  });

  it('lists again after this backend changed the kind in the tenant', async () => {
    const lists = new WorkloadLists(2_000, clock);
    await lists.get('t', 'RayJob', countedList('a').load);
    lists.forget('t', 'RayJob');
    expect(
      namesOf(await lists.get('t', 'RayJob', countedList('a', 'b').load)),
    ).toEqual(['a', 'b']);
  });

  it('makes one LIST for concurrent readers', async () => {
    const lists = new WorkloadLists(2_000, clock);
    const list = countedList('a');
    const answers = await Promise.all(
      [1, 2, 3].map(() => lists.get('t', 'RayJob', list.load)),
    );
    expect(list.calls).toBe(1);
    expect(answers.map(namesOf)).toEqual([['a'], ['a'], ['a']]);
  });

  it('keeps no answer of a LIST that a change overtook', async () => {
    const lists = new WorkloadLists(2_000, clock);
    let answer: (objects: ObservedObject[]) => void = () => {};
    const before = lists.get(
      't',
      'RayJob',
      () => new Promise(resolve => (answer = resolve)),
    );
    lists.forget('t', 'RayJob');
    answer(named('old'));
    expect(namesOf(await before)).toEqual(['old']);
    expect(
      namesOf(await lists.get('t', 'RayJob', countedList('new').load)),
    ).toEqual(['new']);
  });

  it('with a TTL of 0 lists for every request', async () => {
    const lists = new WorkloadLists(0, clock);
    const list = countedList('a');
    await lists.get('t', 'RayJob', list.load);
    await lists.get('t', 'RayJob', list.load);
    expect(list.calls).toBe(2);
  });

  it('keeps no failed LIST', async () => {
    const lists = new WorkloadLists(2_000, clock);
    await expect(
      lists.get('t', 'RayJob', async () => {
        throw new Error('the API server is away');
      }),
    ).rejects.toThrow('the API server is away');
    expect(
      namesOf(await lists.get('t', 'RayJob', countedList('a').load)),
    ).toEqual(['a']);
  });
});
