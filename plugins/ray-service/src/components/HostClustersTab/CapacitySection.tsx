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
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  HostClusterCapacity,
  ResourceAmounts,
} from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { AsyncContent, Expandable } from '../shared';

/** `nvidia.com/gpu` first, then MIG slices and other extended resources. */
function extendedNames(amounts: ResourceAmounts[]): string[] {
  const names = new Set(
    amounts.flatMap(amount => Object.keys(amount.extended)),
  );
  const rank = (name: string) => (name === 'nvidia.com/gpu' ? 0 : 1);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function resourceRows(capacity: HostClusterCapacity) {
  const { allocatable, reserved, free } = capacity;
  const columns = [allocatable, reserved, free];
  return [
    { name: 'CPU', values: columns.map(amount => amount.cpu) },
    { name: 'Memory', values: columns.map(amount => amount.memory) },
    ...extendedNames(columns).map(name => ({
      name,
      values: columns.map(amount => String(amount.extended[name] ?? 0)),
    })),
  ];
}

const formatExtended = (extended: Record<string, number>) =>
  Object.entries(extended)
    .map(([name, count]) => `${count} × ${name}`)
    .join(', ') || '—';

const NodesTable = ({ nodes }: { nodes: HostClusterCapacity['nodes'] }) => (
  <Table size="small" aria-label="Nodes">
    <TableHead>
      <TableRow>
        <TableCell>Node</TableCell>
        <TableCell>GPU model</TableCell>
        <TableCell>CPU</TableCell>
        <TableCell>Memory</TableCell>
        <TableCell>Extended resources</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {nodes.map(node => (
        <TableRow key={node.name}>
          <TableCell>{node.name}</TableCell>
          <TableCell>{node.gpuModel ?? '—'}</TableCell>
          <TableCell>{node.allocatable.cpu}</TableCell>
          <TableCell>{node.allocatable.memory}</TableCell>
          <TableCell>{formatExtended(node.allocatable.extended)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const CapacityReport = ({ capacity }: { capacity: HostClusterCapacity }) => {
  const gpuModels = Object.entries(capacity.gpusByModel);
  return (
    <>
      <Typography variant="caption" color="textSecondary" display="block">
        Checked {new Date(capacity.checkedAt).toLocaleString()}. Reserved is
        what tenant quotas already hold.
      </Typography>
      <Table size="small" aria-label="Resources">
        <TableHead>
          <TableRow>
            <TableCell>Resource</TableCell>
            <TableCell align="right">Allocatable</TableCell>
            <TableCell align="right">Reserved</TableCell>
            <TableCell align="right">Free</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {resourceRows(capacity).map(row => (
            <TableRow key={row.name}>
              <TableCell component="th" scope="row">
                {row.name}
              </TableCell>
              {row.values.map((value, index) => (
                <TableCell key={index} align="right">
                  {value}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        gridGap={8}
        my={1}
      >
        <Typography variant="body2" color="textSecondary">
          GPUs by model:
        </Typography>
        {gpuModels.length === 0 && (
          <Typography variant="body2">none</Typography>
        )}
        {gpuModels.map(([model, count]) => (
          <Chip key={model} size="small" label={`${count} × ${model}`} />
        ))}
      </Box>
      <Expandable label={`Nodes (${capacity.nodes.length})`}>
        <NodesTable nodes={capacity.nodes} />
      </Expandable>
    </>
  );
};

/** What the cluster's nodes offer and what tenants already reserve. */
export const CapacitySection = ({ clusterName }: { clusterName: string }) => {
  const capacity = useRayServiceData(api =>
    api.getHostClusterCapacity({ path: { name: clusterName } }),
  );
  return (
    <section aria-label="Capacity">
      <Typography variant="h6" gutterBottom>
        Capacity
      </Typography>
      <AsyncContent state={capacity} retryLabel="Retry capacity">
        {value => <CapacityReport capacity={value} />}
      </AsyncContent>
    </section>
  );
};
