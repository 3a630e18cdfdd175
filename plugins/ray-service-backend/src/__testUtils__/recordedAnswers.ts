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

import request from 'supertest';

/**
 * Every answer a test saw, to look for secrets in all of them at the end:
 * `seen(response)` keeps one and hands it back.
 */
export function recordedAnswers() {
  const answers: request.Response[] = [];
  return {
    seen: (response: request.Response): request.Response => {
      answers.push(response);
      return response;
    },
    count: (): number => answers.length,
    /** The text of all of them, one after the other. */
    text: (): string => answers.map(answer => answer.text).join('\n'),
  };
}
