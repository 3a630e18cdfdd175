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
const END_OF_DAY = '24:00';

const knownTimeZones = new Set<string>();

export function isTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) {
    return true;
  }
  let resolved: string | undefined;
  try {
    // Intl throws a RangeError for time zones it does not know.
    resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions()
      .timeZone;
  } catch {
    return false;
  }
  // Only canonical names are kept (Intl also takes "europe/BERLIN"), so
  // input cannot grow the cache beyond the zones Intl knows.
  if (resolved === timeZone) {
    knownTimeZones.add(timeZone);
  }
  return resolved !== undefined;
}

/** An IANA time zone name such as `Europe/Berlin`. */
export const timeZoneSchema = z.string().refine(isTimeZone, {
  error: issue =>
    `unknown time zone "${issue.input}"; use an IANA name such as "Europe/Berlin"`,
});

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
      ),
    from: z
      .string()
      .regex(TIME_OF_DAY, 'must be a time between "00:00" and "23:59"'),
    to: z
      .string()
      .refine(
        to => to === END_OF_DAY || TIME_OF_DAY.test(to),
        'must be a time between "00:00" and "24:00"',
      ),
    desiredCapacity: capacitySchema,
  })
  .refine(window => window.from !== window.to, {
    path: ['to'],
    message: 'must differ from "from"; use "00:00" to "24:00" for a whole day',
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
