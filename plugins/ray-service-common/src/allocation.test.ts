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

import {
  Allocation,
  allocationSchema,
  desiredWarmCapacityAt,
  TIME_ZONES,
  timeZoneSchema,
  warmPoolWindowSchema,
} from './allocation';

const weekdaysDaytime = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  from: '08:00',
  to: '18:00',
  desiredCapacity: 5,
} as const;

const berlinPool: Allocation = {
  strategy: 'warmPool',
  desiredCapacity: 1,
  timezone: 'Europe/Berlin',
  windows: [
    { ...weekdaysDaytime, days: [...weekdaysDaytime.days] },
    { days: ['sat', 'sun'], from: '00:00', to: '24:00', desiredCapacity: 0 },
  ],
};

describe('allocationSchema', () => {
  it('accepts on demand', () => {
    expect(allocationSchema.parse({ strategy: 'onDemand' })).toEqual({
      strategy: 'onDemand',
    });
  });

  it('accepts a warm pool with and without windows', () => {
    expect(allocationSchema.parse(berlinPool)).toEqual(berlinPool);
    const plain = { strategy: 'warmPool', desiredCapacity: 0, timezone: 'UTC' };
    expect(allocationSchema.parse(plain)).toEqual(plain);
  });

  it.each([
    [
      { strategy: 'warmPool', desiredCapacity: -1, timezone: 'UTC' },
      ['desiredCapacity'],
    ],
    [
      { strategy: 'warmPool', desiredCapacity: 1.5, timezone: 'UTC' },
      ['desiredCapacity'],
    ],
    [{ strategy: 'warmPool', desiredCapacity: 1 }, ['timezone']],
    [{ strategy: 'spot' }, ['strategy']],
  ])('rejects %j at %j', (allocation, path) => {
    expect(allocationSchema.safeParse(allocation).error?.issues).toEqual([
      expect.objectContaining({ path }),
    ]);
  });

  it('takes UTC and canonical IANA names only', () => {
    expect(timeZoneSchema.safeParse('America/Los_Angeles').success).toBe(true);
    expect(timeZoneSchema.safeParse('UTC').success).toBe(true);
    expect(timeZoneSchema.safeParse('europe/berlin').success).toBe(false);
    expect(
      timeZoneSchema.safeParse('Mars/Olympus_Mons').error?.issues[0].message,
    ).toBe(
      'unknown time zone "Mars/Olympus_Mons"; use an IANA name such as "Europe/Berlin"',
    );
  });
});

describe('TIME_ZONES', () => {
  it('names only zones the Node.js in use can compute local times in', () => {
    const unknownToIntl = TIME_ZONES.filter(timeZone => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
        return false;
      } catch {
        return true;
      }
    });
    expect(unknownToIntl).toEqual([]);
  });

  it('names every zone Intl may report as the local one', () => {
    expect(
      Intl.supportedValuesOf('timeZone').filter(
        timeZone => !TIME_ZONES.includes(timeZone),
      ),
    ).toEqual([]);
    expect(TIME_ZONES).toEqual(expect.arrayContaining(['UTC', 'Etc/UTC']));
  });
});

describe('warmPoolWindowSchema', () => {
  it('accepts day windows, windows until midnight and overnight windows', () => {
    for (const [from, to] of [
      ['08:00', '18:00'],
      ['18:00', '24:00'],
      ['22:00', '06:00'],
      ['22:00', '00:00'],
    ]) {
      expect(
        warmPoolWindowSchema.safeParse({ ...weekdaysDaytime, from, to })
          .success,
      ).toBe(true);
    }
  });

  it.each([
    [{ from: '8:00' }, ['from']],
    [{ from: '24:00' }, ['from']],
    [{ to: '18:60' }, ['to']],
    [{ to: '25:00' }, ['to']],
    [{ from: '08:00', to: '08:00' }, ['to']],
    [{ days: [] }, ['days']],
    [{ days: ['mon', 'mon'] }, ['days', 1]],
    [{ days: ['monday'] }, ['days', 0]],
    [{ desiredCapacity: -2 }, ['desiredCapacity']],
  ])('rejects %j at %j', (change, path) => {
    expect(
      warmPoolWindowSchema.safeParse({ ...weekdaysDaytime, ...change }).error
        ?.issues,
    ).toEqual([expect.objectContaining({ path })]);
  });
});

describe('desiredWarmCapacityAt', () => {
  it('is 0 on demand', () => {
    expect(desiredWarmCapacityAt({ strategy: 'onDemand' }, new Date())).toBe(0);
  });

  it('uses desiredCapacity without windows', () => {
    expect(
      desiredWarmCapacityAt(
        { strategy: 'warmPool', desiredCapacity: 3, timezone: 'UTC' },
        new Date(),
      ),
    ).toBe(3);
  });

  it.each([
    // Wednesday 2025-01-15; Berlin is UTC+1 in winter.
    ['2025-01-15T06:59:00Z', 1, 'Wednesday 07:59 in Berlin, before the window'],
    [
      '2025-01-15T07:00:00Z',
      5,
      'Wednesday 08:00 in Berlin, window start is inclusive',
    ],
    ['2025-01-15T16:59:00Z', 5, 'Wednesday 17:59 in Berlin'],
    [
      '2025-01-15T17:00:00Z',
      1,
      'Wednesday 18:00 in Berlin, window end is exclusive',
    ],
    ['2025-01-18T12:00:00Z', 0, 'Saturday noon in Berlin, weekend window'],
    ['2025-01-19T22:59:00Z', 0, 'Sunday 23:59 in Berlin, until 24:00'],
    ['2025-01-19T23:00:00Z', 1, 'Monday 00:00 in Berlin'],
    // Summer: Berlin is UTC+2.
    ['2025-07-16T06:30:00Z', 5, 'Wednesday 08:30 in Berlin (CEST)'],
    ['2025-07-16T16:30:00Z', 1, 'Wednesday 18:30 in Berlin (CEST)'],
  ])('at %s is %d (%s)', (instant, capacity) => {
    expect(desiredWarmCapacityAt(berlinPool, new Date(instant))).toBe(capacity);
  });

  it('reads the weekday in the profile time zone, not in UTC', () => {
    // Friday 23:30 UTC is already Saturday in Tokyo and still Friday in New York.
    const at = new Date('2025-01-17T23:30:00Z');
    const weekend = {
      days: ['sat' as const],
      from: '00:00',
      to: '24:00',
      desiredCapacity: 9,
    };
    const pool = (timezone: string): Allocation => ({
      strategy: 'warmPool',
      desiredCapacity: 2,
      timezone,
      windows: [weekend],
    });
    expect(desiredWarmCapacityAt(pool('Asia/Tokyo'), at)).toBe(9);
    expect(desiredWarmCapacityAt(pool('America/New_York'), at)).toBe(2);
    expect(desiredWarmCapacityAt(pool('UTC'), at)).toBe(2);
  });

  describe('overnight windows', () => {
    const night: Allocation = {
      strategy: 'warmPool',
      desiredCapacity: 4,
      timezone: 'UTC',
      windows: [
        { days: ['fri'], from: '22:00', to: '06:00', desiredCapacity: 1 },
      ],
    };

    it.each([
      ['2025-01-17T21:59:00Z', 4, 'Friday before the window'],
      ['2025-01-17T22:00:00Z', 1, 'Friday night'],
      ['2025-01-18T05:59:00Z', 1, 'Saturday morning, the night of Friday'],
      ['2025-01-18T06:00:00Z', 4, 'Saturday after the window'],
      ['2025-01-18T23:00:00Z', 4, 'Saturday night is not listed'],
      [
        '2025-01-17T03:00:00Z',
        4,
        'Friday early morning belongs to Thursday night',
      ],
    ])('at %s is %d (%s)', (instant, capacity) => {
      expect(desiredWarmCapacityAt(night, new Date(instant))).toBe(capacity);
    });

    it('wraps from Sunday night into Monday', () => {
      const sunday: Allocation = {
        ...night,
        windows: [
          { days: ['sun'], from: '20:00', to: '02:00', desiredCapacity: 7 },
        ],
      };
      expect(
        desiredWarmCapacityAt(sunday, new Date('2025-01-20T01:00:00Z')),
      ).toBe(7);
    });
  });

  it('lets the first covering window win', () => {
    const pool: Allocation = {
      strategy: 'warmPool',
      desiredCapacity: 0,
      timezone: 'UTC',
      windows: [
        { days: ['wed'], from: '12:00', to: '13:00', desiredCapacity: 10 },
        { days: ['wed'], from: '08:00', to: '18:00', desiredCapacity: 3 },
      ],
    };
    expect(desiredWarmCapacityAt(pool, new Date('2025-01-15T12:30:00Z'))).toBe(
      10,
    );
    expect(desiredWarmCapacityAt(pool, new Date('2025-01-15T14:00:00Z'))).toBe(
      3,
    );
  });
});
