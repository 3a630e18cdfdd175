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

/**
 * The browser-journey harness: start the dev portal as a user, open a
 * session (page, screenshots, API), wait on what the portal shows.
 *
 * @packageDocumentation
 */

export { CHROMIUM_PATH, chromiumAvailable, launchChromium } from './chromium';
export { ARTIFACTS_DIR, REPO_ROOT, startPortal } from './portal';
export type { Portal } from './portal';
export { openSession, PATIENCE_MS } from './session';
export type { Session } from './session';
export { seedTeamTenant, warmUpRayJobs } from './seed';
export { CreatePage } from './createPage';
export { browserJourney, describeInBrowser } from './journey';
export type { BrowserJourney } from './journey';
