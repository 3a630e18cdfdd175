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

import { screen, within } from '@testing-library/react';
import { Pool, PoolSample } from '@ray-service/plugin-ray-service-common';
import {
  renderWithRayServiceApis,
  renderWithUser,
  serveList,
  setupMsw,
} from '../../__testUtils__/renderAdmin';
import { PoolsTab } from './PoolsTab';

const server = setupMsw();

function pool(overrides: Partial<Pool> = {}): Pool {
  return {
    profile: 'large-mig',
    templateVersion: 'kuberay@2.0.0',
    isolation: 'vcluster',
    timezone: 'Europe/Berlin',
    desiredNow: 2,
    ready: 2,
    provisioning: 0,
    claims24h: 3,
    misses24h: 1,
    hitRatio: 0.75,
    medianTimeToReadySeconds: 42.5,
    conditions: [
      {
        type: 'PoolShort',
        status: 'False',
        reason: 'Placed',
        message: 'every standby of 2 desired is placed',
        lastTransitionTime: '2026-12-03T09:00:00Z',
      },
    ],
    ...overrides,
  };
}

const samples: PoolSample[] = [
  {
    at: '2026-12-03T09:00:00Z',
    desired: 2,
    ready: 0,
    provisioning: 2,
    claims: 0,
  },
  {
    at: '2026-12-03T09:01:00Z',
    desired: 2,
    ready: 2,
    provisioning: 0,
    claims: 0,
  },
  {
    at: '2026-12-03T09:02:00Z',
    desired: 2,
    ready: 1,
    provisioning: 1,
    claims: 1,
  },
];

describe('PoolsTab', () => {
  it('says how to get a pool when there is none', async () => {
    serveList(server, '/pools', []);
    await renderWithRayServiceApis(<PoolsTab />);
    expect(await screen.findByText('No warm pools')).toBeInTheDocument();
  });

  it('shows each pool with its figures and its history', async () => {
    serveList(server, '/pools', [
      pool(),
      pool({
        profile: 'small',
        ready: 1,
        desiredNow: 3,
        hitRatio: undefined,
        medianTimeToReadySeconds: undefined,
        conditions: [
          {
            type: 'PoolShort',
            status: 'True',
            reason: 'NoRoom',
            message: 'pool short: no host cluster has room for 2 more',
            lastTransitionTime: '2026-12-03T09:00:00Z',
          },
        ],
      }),
    ]);
    serveList(server, '/pools/large-mig/history', samples);
    serveList(server, '/pools/small/history', samples.slice(0, 1));
    const user = await renderWithUser(<PoolsTab />);

    const rowOf = (profile: string) =>
      screen.getByRole('cell', { name: profile }).closest('tr')!;
    await screen.findByRole('cell', { name: 'large-mig' });
    const large = rowOf('large-mig');
    expect(
      within(large).getByText('kuberay@2.0.0 (vcluster)'),
    ).toBeInTheDocument();
    expect(within(large).getByText('75 %')).toBeInTheDocument();
    expect(within(large).getByText('42.5 s')).toBeInTheDocument();
    expect(within(large).getByText('Full')).toBeInTheDocument();
    const small = rowOf('small');
    expect(
      within(small).getByText(
        'pool short: no host cluster has room for 2 more',
      ),
    ).toBeInTheDocument();
    expect(within(small).getAllByText('–')).toHaveLength(2);

    expect(await screen.findByTestId('pool-history-chart')).toBeInTheDocument();
    expect(
      screen.getByText(
        /large-mig: 1 ready of 2 desired at .*; 1 claim\(s\) in 3 sample\(s\)\./,
      ),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Pool'), 'small');
    expect(
      await screen.findByText(
        /small: 0 ready of 2 desired at .*; 0 claim\(s\) in 1 sample\(s\)\./,
      ),
    ).toBeInTheDocument();
  });
});
