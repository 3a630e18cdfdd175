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

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { QuotaUse } from './quotaUse';

const BAR_HEIGHT = 36;

/**
 * The quota as a bar chart: per resource, the share of the hard limit in
 * use (green, amber from 75 %, red from 95 %), and the same as text below
 * for screen readers and exact figures.
 */
export function QuotaChart(props: { uses: QuotaUse[] }) {
  const { uses } = props;
  const theme = useTheme();
  const colorOf = (percent: number) => {
    if (percent >= 95) return theme.palette.error.main;
    if (percent >= 75) return theme.palette.warning.main;
    return theme.palette.success.main;
  };
  return (
    <>
      <Box height={BAR_HEIGHT * uses.length + 40} data-testid="quota-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={uses}
            layout="vertical"
            margin={{ left: 16, right: 24 }}
          >
            <XAxis
              type="number"
              domain={[0, 100]}
              unit="%"
              tick={{ fill: theme.palette.text.secondary }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={170}
              tick={{ fill: theme.palette.text.primary }}
            />
            <Tooltip
              formatter={(_value, _name, item) => [
                (item.payload as QuotaUse).text,
                'Used',
              ]}
              cursor={{ fill: theme.palette.action.hover }}
            />
            <Bar dataKey="usedPercent" isAnimationActive={false}>
              {uses.map(use => (
                <Cell key={use.resource} fill={colorOf(use.usedPercent)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box component="ul" pl={2} m={0} aria-label="Quota use">
        {uses.map(use => (
          <Typography component="li" variant="body2" key={use.resource}>
            {use.label}: {use.text} ({Math.round(use.usedPercent)}%)
          </Typography>
        ))}
      </Box>
    </>
  );
}
