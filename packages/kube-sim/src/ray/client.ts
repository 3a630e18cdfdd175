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

import type { SimRayHead } from './head';
import { RayHttpError } from './http';

/**
 * What KubeRay's controllers ask of a Ray head (its dashboard client: utils/dashboardclient),
 * reduced to what the simulated controllers need. Reads answer from what is known now
 * (undefined: not known yet); writes are fire-and-forget and show in later reads.
 */
export interface RayHeadClient {
  /** `POST /api/jobs/`; a submission id the head already has is left alone. */
  submitJob(request: Record<string, unknown>): void;
  /** The head's JobDetails of a job, or undefined when it has none (yet). */
  jobInfo(submissionId: string): Record<string, any> | undefined;
  /** `POST /api/jobs/{id}/stop`. */
  stopJob(submissionId: string): void;
  /** The `applications` of `GET /api/serve/applications/`, or undefined when unknown. */
  serveApplications(): Record<string, any> | undefined;
  /** `PUT /api/serve/applications/`. */
  updateServeConfig(config: Record<string, unknown>): void;
}

/** The client of a simulated head: calls it directly (in-process). */
export function simHeadClient(head: SimRayHead): RayHeadClient {
  const quietly = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof RayHttpError)) throw e;
    }
  };
  return {
    submitJob: request =>
      quietly(() => head.jobs.submit(Buffer.from(JSON.stringify(request)))),
    jobInfo(submissionId) {
      try {
        return head.jobs.details(head.jobs.find(submissionId));
      } catch (e) {
        if (e instanceof RayHttpError) return undefined;
        throw e;
      }
    },
    stopJob: submissionId => quietly(() => head.jobs.stop(submissionId)),
    serveApplications: () => head.serve.toJson(false).applications,
    updateServeConfig: config =>
      quietly(() => head.serve.put(Buffer.from(JSON.stringify(config)))),
  };
}
