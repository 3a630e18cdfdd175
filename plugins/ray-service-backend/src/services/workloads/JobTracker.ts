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

import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { Caller } from '../../access/callers';
import { RAY_API_VERSION } from '../../planner/workloads';
import { RayServiceStore } from '../../store/RayServiceStore';
import { TrackedJob } from '../../store/JobHistoryTable';
import { RayDataService } from './RayDataService';
import { rayJobView } from './views';
import { TenantWorkspaces } from './workspace';

export interface JobTrackerOptions {
  /** How many lines of a finished job's log are kept. */
  logTailLines: number;
  /** How long finished jobs are kept. */
  retentionDays: number;
  /** How many unfinished jobs one round looks at. */
  batchSize?: number;
}

/** The scheduled task of the job tracker (scope global). */
export const JOB_TRACKER_TASK_ID = 'ray-service-job-history';

const DAY_MS = 86_400_000;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'STOPPED']);

/** What one round of the tracker did. */
export interface TrackerRound {
  finished: number;
  forgotten: number;
  pruned: number;
}

/**
 * Keeps the job history: looks at the RayJobs submitted through the portal
 * that have not ended, and when one has, records its status, times and the
 * end of its log from its cluster's dashboard before the cluster is shut
 * down; forgets jobs deleted before they ended; prunes finished jobs older
 * than the retention. Runs as the plugin itself (its own service
 * credentials), on a schedule.
 */
export class JobTracker {
  constructor(
    private readonly deps: {
      store: RayServiceStore;
      workspaces: TenantWorkspaces;
      rayData: RayDataService;
      credentials: () => Promise<Caller>;
      logger: LoggerService;
    },
    private readonly options: JobTrackerOptions,
  ) {}

  async round(now: Date = new Date()): Promise<TrackerRound> {
    const { store } = this.deps;
    const round: TrackerRound = { finished: 0, forgotten: 0, pruned: 0 };
    const credentials = await this.deps.credentials();
    for (const job of await store.jobHistory.listUnfinished(
      this.options.batchSize ?? 200,
    )) {
      try {
        const outcome = await this.look(credentials, job, now);
        if (outcome) {
          round[outcome]++;
        }
      } catch (error) {
        this.deps.logger.warn(
          `job history: could not look at RayJob ${job.tenant}/${job.name}: ${error}`,
        );
      }
    }
    round.pruned = await store.jobHistory.prune(
      new Date(
        now.getTime() - this.options.retentionDays * DAY_MS,
      ).toISOString(),
    );
    return round;
  }

  private async look(
    credentials: Caller,
    job: TrackedJob,
    now: Date,
  ): Promise<'finished' | 'forgotten' | undefined> {
    const { store, workspaces } = this.deps;
    let workspace;
    try {
      workspace = await workspaces.open(credentials, job.tenant, 'read');
    } catch (error) {
      if (error instanceof NotFoundError) {
        await store.jobHistory.forget(job.id);
        return 'forgotten';
      }
      throw error;
    }
    const { location } = workspace;
    const object = await workspaces.reach(workspace.tenant, () =>
      location.client.get(
        RAY_API_VERSION,
        'RayJob',
        location.namespace,
        job.name,
      ),
    );
    if (!object || (object.metadata.uid && object.metadata.uid !== job.uid)) {
      await store.jobHistory.forget(job.id);
      return 'forgotten';
    }
    const view = rayJobView(object, job.tenant);
    const ended =
      (view.jobStatus && TERMINAL.has(view.jobStatus)) ||
      view.deploymentStatus === 'Failed';
    if (!ended) {
      return undefined;
    }
    let logTail = '';
    if (view.clusterName && view.submissionId) {
      try {
        const dashboard = await this.deps.rayData.dashboardOf(
          workspace,
          view.clusterName,
        );
        logTail = (
          await dashboard.jobLogs(view.submissionId, this.options.logTailLines)
        ).logs;
      } catch (error) {
        logTail = `(the log could not be read before the cluster went: ${
          error instanceof Error ? error.message : String(error)
        })\n`;
      }
    }
    await store.jobHistory.finish(job.id, {
      clusterName: view.clusterName,
      submissionId: view.submissionId,
      status: view.jobStatus ?? 'FAILED',
      message: view.message,
      startTime: view.startTime,
      endTime: view.endTime,
      logTail,
      recordedAt: now.toISOString(),
    });
    return 'finished';
  }
}
