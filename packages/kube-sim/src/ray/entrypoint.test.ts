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

import { simulateEntrypoint } from './entrypoint';

describe('simulated job entrypoints', () => {
  it.each([
    [`python -c "print('hi')"`, ['hi'], 0],
    [`python -c 'print("a", 1); print("b")'`, ['a 1', 'b'], 0],
    ['echo hello world', ['hello world'], 0],
    ['echo one && echo two', ['one', 'two'], 0],
    ['false && echo never', [], 1],
    ['false || echo rescued', ['rescued'], 0],
    ['echo before; exit 2; echo after', ['before'], 2],
    [`python -c "import sys; sys.exit(1)"`, [], 1],
    [`python -c "import sys; sys.exit('bad input')"`, ['bad input'], 1],
    ['sleep 10', [], 0],
  ])('%s', (entrypoint, output, exitCode) => {
    const run = simulateEntrypoint(entrypoint);
    expect(run.output).toEqual(output);
    expect(run.exitCode).toBe(exitCode);
  });

  it('fails a raise with a traceback and runs defined functions that are called', () => {
    const program = [
      'import ray, sys',
      'ray.init()',
      'print("about to fail", flush=True)',
      'def boom():',
      '    raise ValueError("deliberate failure for sample")',
      'boom()',
    ].join('\n');
    const run = simulateEntrypoint(`python -c '${program}'`);
    expect(run.exitCode).toBe(1);
    expect(run.connectsToRay).toBe(true);
    expect(run.output).toEqual([
      'about to fail',
      'Traceback (most recent call last):',
      '  File "<string>", line 1, in <module>',
      '  File "<string>", line 5, in boom',
      'ValueError: deliberate failure for sample',
    ]);
  });

  it("decodes base64-exec'd programs and keeps ANSI colours (as in the recorded Ray samples)", () => {
    const program =
      'import ray\nray.init()\nprint("\\x1b[32mGREEN ok\\x1b[0m", flush=True)\nprint("done")\n';
    const b64 = Buffer.from(program).toString('base64');
    const run = simulateEntrypoint(
      `python -c 'import base64;exec(base64.b64decode("${b64}").decode())'`,
    );
    expect(run.output).toEqual(['\u001b[32mGREEN ok\u001b[0m', 'done']);
    expect(run.connectsToRay).toBe(true);
  });

  it('takes a shell command or a script without ray for a driver only when it runs python', () => {
    expect(simulateEntrypoint('echo hi').connectsToRay).toBe(false);
    expect(simulateEntrypoint('python train.py --epochs 3').connectsToRay).toBe(
      true,
    );
  });
});
