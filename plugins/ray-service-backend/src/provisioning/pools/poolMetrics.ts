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

import { Attributes, metrics, ObservableResult } from '@opentelemetry/api';

/**
 * Operators' view of the warm pools as OpenTelemetry metrics (meter
 * `ray-service`), exported by whatever SDK the backend installs, like
 * Backstage's own:
 *
 * - `ray_service.pool.size` (gauge; `profile`, `state`: desired, ready, provisioning)
 * - `ray_service.pool.claims` and `ray_service.pool.misses` (counters; `profile`)
 * - `ray_service.pool.time_to_ready` (histogram, seconds; `profile`): standby created → Ready
 * - `ray_service.pool.claim.duration` (histogram, seconds; `profile`, `outcome`: claim or miss)
 */
export class PoolMetrics {
  private readonly sizes = new Map<
    string,
    { desired: number; ready: number; provisioning: number }
  >();
  private readonly meter = metrics.getMeter('ray-service');
  private readonly claims = this.meter.createCounter(
    'ray_service.pool.claims',
    {
      description: 'Tenants created by claiming a warm-pool standby',
    },
  );
  private readonly misses = this.meter.createCounter(
    'ray_service.pool.misses',
    {
      description: 'Creates of warm-pool profiles that fell back to on demand',
    },
  );
  private readonly timeToReady = this.meter.createHistogram(
    'ray_service.pool.time_to_ready',
    { description: 'From creating a standby to Ready', unit: 's' },
  );
  private readonly claimDuration = this.meter.createHistogram(
    'ray_service.pool.claim.duration',
    { description: 'Time a claim (or a miss) took in the database', unit: 's' },
  );

  constructor() {
    this.meter
      .createObservableGauge('ray_service.pool.size', {
        description:
          'Standbys of each warm pool: desired now, ready, provisioning',
      })
      .addCallback((result: ObservableResult<Attributes>) => {
        for (const [profile, size] of this.sizes) {
          for (const [state, value] of Object.entries(size)) {
            result.observe(value, { profile, state });
          }
        }
      });
  }

  observed(
    profile: string,
    pool: { desired: number; ready: number; provisioning: number },
  ): void {
    const { desired, ready, provisioning } = pool;
    this.sizes.set(profile, { desired, ready, provisioning });
  }

  becameReady(profile: string, durationMs: number): void {
    this.timeToReady.record(durationMs / 1000, { profile });
  }

  claimed(profile: string, durationMs: number): void {
    this.claims.add(1, { profile });
    this.claimDuration.record(durationMs / 1000, { profile, outcome: 'claim' });
  }

  missed(profile: string, durationMs: number): void {
    this.misses.add(1, { profile });
    this.claimDuration.record(durationMs / 1000, { profile, outcome: 'miss' });
  }
}
