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

export interface ControllerSettings {
  enabled: boolean;
  readyDelayMs: number;
  namespaceFinalizeDelayMs: number;
}

import type { WatchSettings } from './watch';

export interface ClusterOptions {
  /** 'host' or 'vcluster:<namespace>/<name>'. */
  name: string;
  kubernetesVersion: string;
  controllers: ControllerSettings;
  /** host:port announced in /api. */
  serverAddress: () => string;
  watch: WatchSettings;
}

/** The query parameters and headers of a write request that change how it is done. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: string;
  force?: boolean;
  subresource?: string;
  userAgent?: string;
}
