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

import { SingleFlight } from './SingleFlight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('gives reads of a key under way the same call', async () => {
    const flight = new SingleFlight<string>();
    const answer = deferred<string>();
    const read = jest.fn(() => answer.promise);

    const first = flight.run('a', read);
    const second = flight.run('a', read);
    answer.resolve('one');

    await expect(Promise.all([first, second])).resolves.toEqual(['one', 'one']);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads each key on its own', async () => {
    const flight = new SingleFlight<string>();
    const read = jest.fn(async (value: string) => value);

    await expect(
      Promise.all([
        flight.run('a', () => read('a')),
        flight.run('b', () => read('b')),
      ]),
    ).resolves.toEqual(['a', 'b']);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again once the call has settled, also after a failure', async () => {
    const flight = new SingleFlight<string>();
    const failed = deferred<string>();
    const read = jest
      .fn<Promise<string>, []>()
      .mockReturnValueOnce(failed.promise)
      .mockResolvedValueOnce('fresh');

    const first = flight.run('a', read);
    const joined = flight.run('a', read);
    failed.reject(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await expect(joined).rejects.toThrow('connection lost');

    await expect(flight.run('a', read)).resolves.toBe('fresh');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
