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

/*
 * The plain-text errors of Ray 2.60's dashboard (aiohttp): generic 500s, Python tracebacks
 * whose last line carries the meaning, and one-line messages. The file paths are those of the
 * rayproject/ray image; only the last line is meant to be parsed.
 */

const SITE = '/home/ray/anaconda3/lib/python3.11/site-packages';

/** aiohttp's answer to an exception it does not map (e.g. a body that is not JSON). */
export const AIOHTTP_500 =
  '500 Internal Server Error\n\nServer got itself in trouble';

/** A traceback through the given `[file under site-packages, line, function, code]` frames. */
export function traceback(
  frames: Array<[string, number, string, string]>,
  last: string,
): string {
  const lines = ['Traceback (most recent call last):'];
  for (const [file, line, fn, code] of frames) {
    lines.push(`  File "${SITE}/${file}", line ${line}, in ${fn}`);
    lines.push(`    ${code}`);
  }
  lines.push(last);
  return `${lines.join('\n')}\n`;
}

/** A job-submit validation error (400), as `JobSubmitRequest` raises it. */
export function submitValidationError(last: string): string {
  return traceback(
    [
      [
        'ray/dashboard/modules/job/utils.py',
        128,
        'parse_and_validate_request',
        'return validate_request_type(json_data, request_type)',
      ],
      [
        'ray/dashboard/modules/job/common.py',
        445,
        'validate_request_type',
        'return request_type(**json_data)',
      ],
    ],
    last,
  );
}

/** An error the job agent raised, wrapped by the head (`Request failed with status code …`). */
export function jobAgentError(
  action: 'submit_job' | 'delete_job',
  agentStatus: number,
  last: string,
): string {
  const agent = traceback(
    [
      [
        'ray/dashboard/modules/job/job_manager.py',
        action === 'submit_job' ? 553 : 655,
        action,
        action === 'submit_job' ? 'raise ValueError(' : 'raise RuntimeError(',
      ],
    ],
    last,
  );
  return traceback(
    [
      [
        'ray/dashboard/modules/job/job_head.py',
        action === 'submit_job' ? 419 : 500,
        action,
        `resp = await job_agent_client.${action}_internal(…)`,
      ],
      [
        'ray/dashboard/modules/job/job_head.py',
        134,
        '_raise_error',
        'raise RuntimeError(f"Request failed with status code {status}: {error_text}.")',
      ],
    ],
    `RuntimeError: Request failed with status code ${agentStatus}: ${agent}.`,
  );
}

/** Python's name of a JSON value's type, as in `got <class 'int'>`. */
export function pythonType(value: unknown): string {
  if (typeof value === 'string') return "<class 'str'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number')
    return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(value)) return "<class 'list'>";
  if (value === null) return "<class 'NoneType'>";
  return "<class 'dict'>";
}
