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

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const STOP_GRACE_MS = 10_000;

/** Children of this Node process that are still running, killed if it exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** One process of the control plane, its output in `<dir>/<name>.log`. */
export class ManagedProcess {
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private exitDescription?: string;

  constructor(
    readonly name: string,
    binary: string,
    args: string[],
    dir: string,
  ) {
    installExitHook();
    this.logFile = path.join(dir, `${name}.log`);
    const log = fs.openSync(this.logFile, 'a');
    try {
      this.child = spawn(binary, args, {
        cwd: dir,
        stdio: ['ignore', log, log],
      });
    } finally {
      fs.closeSync(log);
    }
    running.add(this.child);
    this.exited = new Promise(resolve => {
      const done = (description: string) => {
        this.exitDescription ??= description;
        running.delete(this.child);
        resolve();
      };
      this.child.on('exit', (code, signal) =>
        done(signal ? `killed by ${signal}` : `exited with code ${code}`),
      );
      this.child.on('error', error =>
        done(`failed to start: ${error.message}`),
      );
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Throws, with the end of the log, when the process is no longer running. */
  assertRunning(): void {
    if (this.exitDescription) {
      throw new Error(
        `${this.name} ${
          this.exitDescription
        }; the end of its log:\n${this.logTail()}`,
      );
    }
  }

  logTail(lines = 20): string {
    try {
      return fs
        .readFileSync(this.logFile, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(-lines)
        .join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited after a grace period. */
  async stop(): Promise<void> {
    if (this.exitDescription) return;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>(resolve => {
      timer = setTimeout(() => resolve('timeout'), STOP_GRACE_MS);
    });
    if ((await Promise.race([this.exited, grace])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    clearTimeout(timer);
  }
}
