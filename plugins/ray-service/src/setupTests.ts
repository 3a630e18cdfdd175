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

import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Patience, not speed limits: the CI machine has two cores shared with other
// test workers, and a form test that renders whole MUI dialogs in jsdom
// takes tens of seconds when the other core is busy. Tests wait on
// conditions (findBy…, waitFor); these only bound how long they wait.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(180_000);
