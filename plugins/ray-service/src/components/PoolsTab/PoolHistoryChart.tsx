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

import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { PoolSample } from '@ray-service/plugin-ray-service-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { rayServiceApiRef } from '../../api';
import { useReloadEvery } from '../../hooks/usePolling';
import { AsyncContent } from '../shared';

const time = (at: string) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const timeWithSeconds = (at: string) =>
  new Date(at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** Samples a few seconds apart (a short history) need seconds to tell apart. */
function tickFormatFor(samples: PoolSample[]): (at: string) => string {
  const span =
    Date.parse(samples[samples.length - 1].at) - Date.parse(samples[0].at);
  return span < 60 * 60_000 ? timeWithSeconds : time;
}

/**
 * The standbys' lines: a count that holds until the next sample, with a dot
 * at each sample so that the latest one shows even where no step follows.
 */
const STEP_LINE = {
  type: 'stepAfter',
  dot: { r: 3 },
  isAnimationActive: false,
} as const;

/**
 * A pool's last 24 hours: desired and ready standbys as lines, claims per
 * sample as bars, and the latest figures as text below (for screen readers
 * and exact numbers).
 */
export function PoolHistoryChart(props: {
  profile: string;
  pollIntervalMs: number;
}) {
  const { profile, pollIntervalMs } = props;
  const api = useApi(rayServiceApiRef);
  const theme = useTheme();
  const history = useAsyncRetry(
    () =>
      api
        .getPoolHistory({ path: { name: profile }, query: { hours: 24 } })
        .then(response => response.items),
    [api, profile],
  );
  useReloadEvery(history, pollIntervalMs);
  return (
    <AsyncContent state={history} retryLabel="Retry history">
      {(samples: PoolSample[]) => {
        if (samples.length === 0) {
          return (
            <Typography color="textSecondary">
              No samples yet: the pool loop records one per sample interval.
            </Typography>
          );
        }
        const last = samples[samples.length - 1];
        const claims = samples.reduce((sum, s) => sum + s.claims, 0);
        return (
          <>
            <Box height={280} data-testid="pool-history-chart">
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={samples} margin={{ right: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="at"
                    tickFormatter={tickFormatFor(samples)}
                    tick={{ fill: theme.palette.text.secondary }}
                  />
                  <YAxis
                    allowDecimals={false}
                    tick={{ fill: theme.palette.text.secondary }}
                  />
                  <Tooltip
                    labelFormatter={label => timeWithSeconds(String(label))}
                  />
                  <Legend />
                  <Bar
                    dataKey="claims"
                    name="Claims"
                    fill={theme.palette.secondary.main}
                    isAnimationActive={false}
                  />
                  <Line
                    {...STEP_LINE}
                    dataKey="desired"
                    name="Desired"
                    stroke={theme.palette.text.secondary}
                    strokeDasharray="5 5"
                  />
                  <Line
                    {...STEP_LINE}
                    dataKey="ready"
                    name="Ready"
                    stroke={theme.palette.success.main}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </Box>
            <Typography variant="body2" color="textSecondary">
              {`${profile}: ${last.ready} ready of ${
                last.desired
              } desired at ${time(last.at)}; ${claims} claim(s) in ${
                samples.length
              } sample(s).`}
            </Typography>
          </>
        );
      }}
    </AsyncContent>
  );
}
