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
  pageParamsSchema,
  pageQuerySchema,
  templateSharingRequestSchema,
} from './api';
import { templateVersionActionSchema } from './templateLifecycle';

describe('pageParamsSchema', () => {
  it('accepts an empty page, a limit and a cursor', () => {
    expect(pageParamsSchema.parse({})).toEqual({});
    expect(pageParamsSchema.parse({ limit: 1, cursor: 'abc' })).toEqual({
      limit: 1,
      cursor: 'abc',
    });
    expect(pageParamsSchema.parse({ limit: 500 })).toEqual({ limit: 500 });
  });

  it.each([0, 501, 2.5, '10'])('rejects limit %p', limit => {
    expect(pageParamsSchema.safeParse({ limit }).error?.issues).toEqual([
      expect.objectContaining({ path: ['limit'] }),
    ]);
  });

  it('rejects an empty cursor', () => {
    expect(pageParamsSchema.safeParse({ cursor: '' }).success).toBe(false);
  });
});

describe('pageQuerySchema', () => {
  it('defaults the limit to 50', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 50 });
  });

  it('reads the limit from a query string', () => {
    expect(pageQuerySchema.parse({ limit: '200', cursor: 'next' })).toEqual({
      limit: 200,
      cursor: 'next',
    });
  });

  it.each(['0', '501', 'ten', '1.5', '0x10', '1e2', '5.0', ' 5', ''])(
    'rejects limit %j',
    limit => {
      expect(pageQuerySchema.safeParse({ limit }).error?.issues).toEqual([
        expect.objectContaining({ path: ['limit'] }),
      ]);
    },
  );

  it('states the bounds', () => {
    expect(
      pageQuerySchema.safeParse({ limit: '501' }).error?.issues[0].message,
    ).toBe('must be a whole number from 1 to 500');
  });
});

describe('templateSharingRequestSchema', () => {
  it('normalizes group refs', () => {
    expect(
      templateSharingRequestSchema.parse({
        sharedWith: ['ml-teams', 'group:research/vision'],
      }),
    ).toEqual({
      sharedWith: ['group:default/ml-teams', 'group:research/vision'],
    });
  });

  it('accepts unsharing everything', () => {
    expect(templateSharingRequestSchema.parse({ sharedWith: [] })).toEqual({
      sharedWith: [],
    });
  });

  it('rejects other kinds and duplicates, merging spellings of one group', () => {
    expect(
      templateSharingRequestSchema.safeParse({
        sharedWith: ['user:default/jane'],
      }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ['sharedWith', 0] })]);
    expect(
      templateSharingRequestSchema.safeParse({
        sharedWith: ['ml-teams', 'ml-teams'],
      }).error?.issues,
    ).toEqual([
      expect.objectContaining({
        path: ['sharedWith', 1],
        message: 'ml-teams is listed twice',
      }),
    ]);
    expect(
      templateSharingRequestSchema.parse({
        sharedWith: ['ml-teams', 'group:default/ml-teams'],
      }),
    ).toEqual({ sharedWith: ['group:default/ml-teams'] });
  });
});

describe('templateVersionActionSchema', () => {
  it('accepts the lifecycle actions only', () => {
    expect(templateVersionActionSchema.options).toEqual([
      'publish',
      'deprecate',
      'retire',
    ]);
    expect(templateVersionActionSchema.safeParse('delete').success).toBe(false);
  });
});
