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

import { reasonOf } from '@ray-service/plugin-ray-service-common';
import { newLogLines } from './logTail';

/**
 * Follows the end of a job's log across reads: each call writes the lines
 * not written before. While the log cannot be read yet (the cluster is
 * still starting), says so once and goes on.
 */
export function followLog(options: {
  read(): Promise<string>;
  write(line: string): void;
}) {
  let seen = '';
  let unavailable: string | undefined;
  return async () => {
    let text: string;
    try {
      text = await options.read();
    } catch (error) {
      const reason = reasonOf(error);
      if (reason !== unavailable) {
        options.write(`(the log cannot be read yet: ${reason})`);
        unavailable = reason;
      }
      return;
    }
    unavailable = undefined;
    newLogLines(seen, text).forEach(line => options.write(line));
    seen = text;
  };
}
