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

import { getTimeZones, timeZonesNames } from '@vvo/tzdb';
import { z } from 'zod';
import { UNPROCESSABLE } from './errors';
import { ISOLATION_MODES } from './templates';
import { templateVersionRefSchema } from './tenants';
import { uniqueBy } from './validation';

export const WEEKDAYS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_OF_DAY_OR_MIDNIGHT = /^(?:([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * The time zones a warm pool can follow: the IANA names of the tz database
 * release @vvo/tzdb ships, canonical ones and their aliases (which ICU, so
 * browsers and Node.js, may report as the local zone: `Asia/Calcutta`), and
 * `UTC`. A fixed list, so that the OpenAPI document does not change with the
 * Node.js version's ICU data; tests check that it and Intl agree.
 */
export const TIME_ZONES = [
  ...new Set([
    'UTC',
    ...timeZonesNames,
    ...getTimeZones({ includeUtc: true }).flatMap(zone => zone.group),
  ]),
].sort() as [string, ...string[]];

const timeZones = new Set<string>(TIME_ZONES);

export function isTimeZone(timeZone: string): boolean {
  return timeZones.has(timeZone);
}

/** An IANA time zone name such as `Europe/Berlin`, or `UTC`. */
export const timeZoneSchema = z
  .enum(TIME_ZONES, {
    error: issue =>
      typeof issue.input === 'string'
        ? `unknown time zone ${JSON.stringify(
            issue.input,
          )}; use an IANA name such as "Europe/Berlin"`
        : undefined,
  })
  .meta({ id: 'TimeZone' });

const capacitySchema = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative');

/**
 * A recurring period with its own desired capacity. Times are wall-clock
 * times in the allocation's time zone and the period is half-open, [from, to).
 * `to` may be `24:00` for "until midnight". A `to` earlier than `from` makes
 * the window overnight: it starts on each listed day and ends the next
 * morning, so `fri 22:00–06:00` covers Friday night until Saturday 06:00.
 */
export const warmPoolWindowSchema = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'name at least one day')
      .superRefine(
        uniqueBy(
          day => day,
          day => `"${day}" is listed twice`,
        ),
      )
      .meta({ uniqueItems: true }),
    from: z
      .string()
      .regex(TIME_OF_DAY, 'must be a time between "00:00" and "23:59"'),
    to: z
      .string()
      .regex(
        TIME_OF_DAY_OR_MIDNIGHT,
        'must be a time between "00:00" and "24:00"',
      ),
    desiredCapacity: capacitySchema,
  })
  .refine(window => window.from !== window.to, {
    path: ['to'],
    message: 'must differ from "from"; use "00:00" to "24:00" for a whole day',
    // Two fields each valid that contradict each other: 422.
    params: UNPROCESSABLE,
  });

export type WarmPoolWindow = z.infer<typeof warmPoolWindowSchema>;

/**
 * How clusters of a profile are provisioned: on demand, or from a pool of
 * ready standbys whose size may change over the week.
 */
export const allocationSchema = z.discriminatedUnion('strategy', [
  z.object({ strategy: z.literal('onDemand') }),
  z.object({
    strategy: z.literal('warmPool'),
    desiredCapacity: capacitySchema,
    timezone: timeZoneSchema,
    /** Checked in order; the first window covering an instant wins. */
    windows: z.array(warmPoolWindowSchema).max(50).optional(),
    /**
     * What the pool's tenants run: a published version (`kuberay@2.0.0`).
     * Without it the pool stays empty. Creates asking for this version (and
     * isolation) claim a ready pool tenant.
     */
    templateVersion: templateVersionRefSchema.optional(),
    /** The isolation of the pool's tenants; default: the version's first mode. */
    isolation: z.enum(ISOLATION_MODES).optional(),
  }),
]);

export type Allocation = z.infer<typeof allocationSchema>;

/** The allocation of a warm-pool profile. */
export type WarmPoolAllocation = Extract<Allocation, { strategy: 'warmPool' }>;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

interface LocalTime {
  day: Weekday;
  minutes: number;
}

/** Formats by time zone: making one costs far more than using it. */
const weekdayClocks = new Map<string, Intl.DateTimeFormat>();

function weekdayClock(timeZone: string): Intl.DateTimeFormat {
  let clock = weekdayClocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    weekdayClocks.set(timeZone, clock);
  }
  return clock;
}

function localTimeAt(at: Date, timeZone: string): LocalTime {
  const parts = weekdayClock(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find(p => p.type === type)?.value ?? '';
  return {
    day: part('weekday').slice(0, 3).toLowerCase() as Weekday,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function dayBefore(day: Weekday): Weekday {
  return WEEKDAYS[
    (WEEKDAYS.indexOf(day) + WEEKDAYS.length - 1) % WEEKDAYS.length
  ];
}

function covers(window: WarmPoolWindow, { day, minutes }: LocalTime): boolean {
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from < to) {
    return window.days.includes(day) && minutes >= from && minutes < to;
  }
  return (
    (window.days.includes(day) && minutes >= from) ||
    (window.days.includes(dayBefore(day)) && minutes < to)
  );
}

/**
 * How many standby clusters should be ready at an instant: the capacity of
 * the first window covering it in the allocation's time zone, else the
 * allocation's `desiredCapacity`; always 0 on demand.
 */
export function desiredWarmCapacityAt(
  allocation: Allocation,
  at: Date,
): number {
  if (allocation.strategy === 'onDemand') {
    return 0;
  }
  const localTime = localTimeAt(at, allocation.timezone);
  const window = allocation.windows?.find(w => covers(w, localTime));
  return window?.desiredCapacity ?? allocation.desiredCapacity;
}
