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

// Tests wait on conditions (a real or simulated cluster's controllers, a
// reconcile pass) with a patience far beyond what they take; Jest's default
// 5 s per test would make them race the machine's speed instead, as when the
// real-Kubernetes suite's control planes share the CPU with them.
jest.setTimeout(60_000);
