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

import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The Ray service tenants as catalog entities. */
      rayService?: {
        /** The full pass; default every 10 minutes (timeout 5, first after 10 s). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** The catalog namespace of the entities; default `default`. */
        namespace?: string;
        /** Owner of the `ray-service` System and the host clusters; default `group:default/platform-team`. */
        platformOwner?: string;
      };
    };
  };
}
