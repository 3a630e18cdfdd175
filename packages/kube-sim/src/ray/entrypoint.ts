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

import { runPython } from './pythonSnippets';
import { parseShell } from './shellWords';

/** What a simulated job's entrypoint does. */
export interface EntrypointRun {
  /** stdout and stderr, merged as Ray's job logs have them (ANSI escapes kept). */
  output: string[];
  exitCode: number;
  /** Whether a driver connects to Ray (then the job gets a job id and driver info). */
  connectsToRay: boolean;
}

/**
 * Simulates a job entrypoint, a shell command line: `echo` prints its words, `exit n` and
 * `false` fail, `python -c '<program>'` runs the program as far as `runPython` goes,
 * `python <file>` is taken for a Ray driver that prints nothing; other commands succeed
 * silently. `&&`, `||` and `;` chain as in sh.
 */
export function simulateEntrypoint(entrypoint: string): EntrypointRun {
  const output: string[] = [];
  let exitCode = 0;
  let connectsToRay = false;
  for (const { words, after } of parseShell(entrypoint)) {
    if (
      (after === '&&' && exitCode !== 0) ||
      (after === '||' && exitCode === 0)
    )
      continue;
    const [cmd, ...args] = words;
    exitCode = 0;
    if (cmd === 'echo')
      output.push(args.filter(a => a !== '-e' && a !== '-n').join(' '));
    else if (cmd === 'false') exitCode = 1;
    else if (cmd === 'exit') {
      exitCode = Number(args[0] ?? 0) || 0;
      break;
    } else if (/^python[\d.]*$/.test(cmd)) {
      const c = args.indexOf('-c');
      if (c >= 0) {
        const run = runPython(args[c + 1] ?? '');
        output.push(...run.output);
        exitCode = run.exitCode;
        connectsToRay = connectsToRay || run.usesRay;
      } else {
        connectsToRay = true;
      }
    }
  }
  return { output, exitCode, connectsToRay };
}
