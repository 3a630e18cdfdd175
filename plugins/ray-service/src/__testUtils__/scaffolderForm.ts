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

import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { recordRequests } from './renderAdmin';

/** The Ray tenant template's answers, as its dry run step sees them. */
export const tenantFormData = {
  name: 'fraud-models',
  owner: 'group:default/ml-team-alpha',
  profile: 'small',
  templateVersion: 'kuberay@1.1.0',
};

/**
 * Answers `POST /tenants/plan` with the plan of {@link tenantFormData}: on
 * sim-local, vcluster isolation, with its quota as the summary. Returns the
 * recorded request bodies.
 */
export function serveTenantPlan(server: ReturnType<typeof setupServer>) {
  return recordRequests(server, 'post', '/tenants/plan', () =>
    HttpResponse.json({
      hostCluster: 'sim-local',
      isolation: 'vcluster',
      namespace: 'ray-fraud-models',
      objects: [],
      summary: ['Quota: 8 CPU, 32Gi memory'],
      yaml: 'kind: Namespace\n',
    }),
  );
}
