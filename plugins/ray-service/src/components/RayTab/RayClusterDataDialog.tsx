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
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  RayClusterStatus,
  RayNode,
  ServeApplication,
} from '@ray-service/plugin-ray-service-common';
import { ReactNode } from 'react';
import { usePolledData } from '../../hooks/usePolledData';
import { AsyncContent, ViewDialog } from '../shared';

const BYTE_RESOURCES = new Set(['memory', 'object_store_memory']);

/** One amount of a Ray resource: Ray counts memory in bytes, shown in GiB. */
export function formatRayAmount(resource: string, amount: number): string {
  if (BYTE_RESOURCES.has(resource)) {
    return `${(amount / 2 ** 30).toFixed(1)} GiB`;
  }
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** `CPU 4, GPU 1, memory 16.0 GiB`, by name, so totals and availability line up. */
export function formatRayResources(resources: Record<string, number>): string {
  return Object.entries(resources)
    .filter(
      ([name]) => !name.startsWith('node:') && name !== 'object_store_memory',
    )
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, amount]) => `${name} ${formatRayAmount(name, amount)}`)
    .join(', ');
}

const SimpleTable = (props: {
  label: string;
  head: string[];
  rows: ReactNode[][];
}) => (
  <Table size="small" aria-label={props.label}>
    <TableHead>
      <TableRow>
        {props.head.map(title => (
          <TableCell key={title}>{title}</TableCell>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {props.rows.map((cells, row) => (
        <TableRow key={row}>
          {cells.map((cell, column) => (
            <TableCell key={column}>{cell}</TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const Section = (props: { title: string; children: ReactNode }) => (
  <Box mb={3}>
    <Typography variant="h6" gutterBottom>
      {props.title}
    </Typography>
    {props.children}
  </Box>
);

const Nodes = ({ nodes }: { nodes: RayNode[] }) => (
  <SimpleTable
    label="Ray nodes"
    head={['Node', 'IP', 'Role', 'State', 'Resources', 'Available']}
    rows={nodes.map(node => [
      node.nodeId.slice(0, 12),
      node.ip,
      node.isHead ? 'head' : 'worker',
      node.state,
      formatRayResources(node.resourcesTotal),
      node.resourcesAvailable
        ? formatRayResources(node.resourcesAvailable)
        : '–',
    ])}
  />
);

/** Which Ray the head runs; the test bed's simulated heads say so. */
export function describeRay(ray: NonNullable<RayClusterStatus['ray']>): string {
  return ray.commit === 'kube-sim'
    ? `Ray ${ray.version}, simulated by kube-sim`
    : `Ray ${ray.version} (commit ${ray.commit.slice(0, 8)})`;
}

const Use = ({ status }: { status: RayClusterStatus }) => (
  <>
    {status.ray && (
      <Typography variant="body2" gutterBottom>
        {describeRay(status.ray)}
      </Typography>
    )}
    <SimpleTable
      label="Resource use"
      head={['Resource', 'Used', 'Total']}
      rows={status.usage.map(use => [
        use.resource,
        formatRayAmount(use.resource, use.used),
        formatRayAmount(use.resource, use.total),
      ])}
    />
    <Box mt={2}>
      {status.pendingDemand.length === 0 ? (
        <Typography variant="body2">No pending demand.</Typography>
      ) : (
        <SimpleTable
          label="Pending demand"
          head={['Pending demand', 'Count']}
          rows={status.pendingDemand.map(demand => [
            formatRayResources(demand.resources),
            demand.count,
          ])}
        />
      )}
    </Box>
  </>
);

const ServeApps = ({ apps }: { apps: ServeApplication[] }) =>
  apps.length === 0 ? (
    <Typography variant="body2">No Serve applications.</Typography>
  ) : (
    <SimpleTable
      label="Serve applications"
      head={['Application', 'Status', 'Route', 'Deployments']}
      rows={apps.map(app => [
        app.name,
        app.message ? `${app.status}: ${app.message}` : app.status,
        app.routePrefix ?? '–',
        app.deployments
          .map(
            d =>
              `${d.name} ${d.status}${
                d.replicas !== undefined ? ` ×${d.replicas}` : ''
              }`,
          )
          .join(', '),
      ])}
    />
  );

/**
 * What Ray itself says about a cluster, from its dashboard: nodes and their
 * resources, resource use and pending demand, Serve applications. Polled
 * while open.
 */
export function RayClusterDataDialog(props: {
  tenant: string;
  cluster: string;
  onClose: () => void;
}) {
  const { tenant, cluster } = props;
  const input = { path: { tenant, name: cluster } };
  const nodes = usePolledData(
    api => api.listRayClusterNodes(input),
    [tenant, cluster],
  );
  const status = usePolledData(
    api => api.getRayClusterStatus(input),
    [tenant, cluster],
  );
  const serve = usePolledData(
    api => api.listRayClusterServeApplications(input),
    [tenant, cluster],
  );
  return (
    <ViewDialog
      title={`Ray data of ${cluster}`}
      onClose={props.onClose}
      maxWidth="lg"
    >
      <Section title="Nodes">
        <AsyncContent state={nodes} retryLabel="Retry nodes">
          {value => <Nodes nodes={value.items} />}
        </AsyncContent>
      </Section>
      <Section title="Resource use and demand">
        <AsyncContent state={status} retryLabel="Retry resource use">
          {value => <Use status={value} />}
        </AsyncContent>
      </Section>
      <Section title="Serve applications">
        <AsyncContent state={serve} retryLabel="Retry Serve applications">
          {value => <ServeApps apps={value.items} />}
        </AsyncContent>
      </Section>
    </ViewDialog>
  );
}
