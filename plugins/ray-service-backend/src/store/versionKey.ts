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

// Wide enough for any realistic version number; longer numbers saturate.
const NUMBER_WIDTH = 20;
const SEMVER =
  /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function numberKey(digits: string): string {
  return digits.length > NUMBER_WIDTH
    ? '9'.repeat(NUMBER_WIDTH)
    : digits.padStart(NUMBER_WIDTH, '0');
}

// Each character as a 3-digit code above 100; `0` ends the identifier, so
// `alpha` sorts before `alpha-1` like semver's shorter-prefix-first rule.
function textKey(identifier: string): string {
  const codes = [...identifier].map(c => String(c.charCodeAt(0) + 100));
  return `${codes.join('')}0`;
}

function identifierKey(identifier: string): string {
  // Numeric identifiers come before alphanumeric ones.
  return /^\d+$/.test(identifier)
    ? `1${numberKey(identifier)}`
    : `2${textKey(identifier)}`;
}

/**
 * A string of digits whose order is semver precedence, so that the database
 * sorts versions numerically (`1.10.0` after `1.9.0`, `1.0.0-rc.1` before
 * `1.0.0`) under any collation. Build metadata does not count, as in semver.
 *
 * @throws Error when `version` is not a semantic version.
 */
export function versionSortKey(version: string): string {
  const match = SEMVER.exec(version);
  if (!match) {
    throw new Error(`"${version}" is not a semantic version`);
  }
  const [, major, minor, patch, prerelease] = match;
  const core = [major, minor, patch].map(numberKey).join('');
  if (prerelease === undefined) {
    return `${core}1`;
  }
  return `${core}0${prerelease.split('.').map(identifierKey).join('')}`;
}
