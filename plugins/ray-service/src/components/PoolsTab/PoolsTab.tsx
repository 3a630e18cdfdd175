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

import { useState } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Pool } from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { useReloadEvery } from '../../hooks/usePolling';
import { SelectInput, StatusLabel, ListContent } from '../shared';
import { PoolHistoryChart } from './PoolHistoryChart';

/** How often the pools and the chart reload. */
export const POOL_POLL_INTERVAL_MS = 5000;

const percent = (ratio?: number) =>
  ratio === undefined ? '–' : `${Math.round(ratio * 100)} %`;

const seconds = (value?: number) =>
  value === undefined ? '–' : `${value.toFixed(1)} s`;

function PoolStatus(props: { pool: Pool }) {
  const short = props.pool.conditions.find(c => c.type === 'PoolShort');
  if (short?.status === 'True') {
    return <StatusLabel kind="warning">{short.message}</StatusLabel>;
  }
  const { ready, desiredNow } = props.pool;
  return ready >= desiredNow ? (
    <StatusLabel kind="ok">Full</StatusLabel>
  ) : (
    <StatusLabel kind="pending">Filling</StatusLabel>
  );
}

export const poolColumns: TableColumn<Pool>[] = [
  { title: 'Profile', field: 'profile' },
  {
    title: 'Keeps ready',
    render: pool =>
      pool.templateVersion
        ? `${pool.templateVersion}${
            pool.isolation ? ` (${pool.isolation})` : ''
          }`
        : 'nothing: no template version',
  },
  { title: 'Desired now', field: 'desiredNow', type: 'numeric' },
  { title: 'Ready', field: 'ready', type: 'numeric' },
  { title: 'Provisioning', field: 'provisioning', type: 'numeric' },
  { title: 'Claims (24 h)', field: 'claims24h', type: 'numeric' },
  { title: 'Misses (24 h)', field: 'misses24h', type: 'numeric' },
  { title: 'Hit ratio', render: pool => percent(pool.hitRatio) },
  {
    title: 'Median time to Ready',
    render: pool => seconds(pool.medianTimeToReadySeconds),
  },
  { title: 'Status', render: pool => <PoolStatus pool={pool} /> },
];

/**
 * The warm pools: one per warm-pool profile, how full each is and how it
 * served claims, and a chart of a pool's desired vs ready standbys and
 * claims over time. Reloads every few seconds.
 */
export const PoolsTab = (props: { pollIntervalMs?: number }) => {
  const { pollIntervalMs = POOL_POLL_INTERVAL_MS } = props;
  const pools = useRayServiceData(api =>
    api.listPools().then(response => response.items),
  );
  const [selected, setSelected] = useState<string>();
  useReloadEvery(pools, pollIntervalMs);
  return (
    <ListContent
      state={pools}
      empty={{
        title: 'No warm pools',
        description:
          'Give a compute profile a warm-pool allocation (Compute profiles tab) to keep tenants ready for teams.',
      }}
    >
      {items => {
        const profile =
          selected && items.some(p => p.profile === selected)
            ? selected
            : items[0].profile;
        return (
          <>
            <Table
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={poolColumns}
              data={items}
              title={`${items.length} warm pool(s)`}
            />
            <Box mt={3}>
              <Box display="flex" alignItems="center" gridGap={16}>
                <Typography variant="h6">History</Typography>
                <SelectInput
                  label="Pool"
                  value={profile}
                  onChange={setSelected}
                  options={items.map(p => p.profile)}
                />
              </Box>
              <PoolHistoryChart
                profile={profile}
                pollIntervalMs={pollIntervalMs}
              />
            </Box>
          </>
        );
      }}
    </ListContent>
  );
};
