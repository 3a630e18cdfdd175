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

import { z } from 'zod';
import { ISOLATION_MODES } from './templates';
import { timestampSchema } from './validation';

/** Why a pool has fewer tenants than it should, as the control loop last saw it. */
export const poolConditionSchema = z
  .object({
    type: z.literal('PoolShort'),
    status: z.enum(['True', 'False']),
    reason: z.string(),
    message: z.string().meta({
      example: 'pool short: no host cluster has room for 2 more',
    }),
    lastTransitionTime: timestampSchema,
  })
  .meta({ id: 'PoolCondition' });

export type PoolCondition = z.infer<typeof poolConditionSchema>;

/** A warm pool (one per warm-pool profile), as `GET /pools` shows it. */
export const poolSchema = z
  .object({
    profile: z.string(),
    templateVersion: z.string().optional().meta({
      description: 'What the pool keeps ready; without it the pool stays empty',
    }),
    isolation: z.enum(ISOLATION_MODES).optional(),
    timezone: z.string(),
    desiredNow: z.number().int().meta({
      description: 'Desired capacity now, from the windows in the time zone',
    }),
    ready: z.number().int(),
    provisioning: z.number().int(),
    claims24h: z.number().int(),
    misses24h: z.number().int().meta({
      description:
        'Creates of this profile that fell back to on demand in the last 24 h',
    }),
    hitRatio: z.number().optional().meta({
      description: 'claims / (claims + misses) in the last 24 h',
    }),
    medianTimeToReadySeconds: z.number().optional().meta({
      description:
        'Median time from creating a pool tenant to Ready, over the last 24 h',
    }),
    conditions: z.array(poolConditionSchema),
  })
  .meta({ id: 'Pool' });

export type Pool = z.infer<typeof poolSchema>;

/** One sample of a pool's history. */
export const poolSampleSchema = z
  .object({
    at: timestampSchema,
    desired: z.number().int(),
    ready: z.number().int(),
    provisioning: z.number().int(),
    /** Claims since the previous sample. */
    claims: z.number().int(),
  })
  .meta({ id: 'PoolSample' });

export type PoolSample = z.infer<typeof poolSampleSchema>;

/** Query of `GET /pools/{profile}/history`. */
export const poolHistoryQuerySchema = z.object({
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 31)
    .default(24),
});

/** Whether a create with a profile would be served by its warm pool now. */
export const poolAvailabilitySchema = z
  .object({
    profile: z.string(),
    templateVersion: z.string(),
    isolation: z.enum(ISOLATION_MODES).optional(),
    instant: z.boolean().meta({
      description: 'A ready pool tenant is waiting: a create is Ready at once',
    }),
  })
  .meta({ id: 'PoolAvailability' });

export type PoolAvailability = z.infer<typeof poolAvailabilitySchema>;
