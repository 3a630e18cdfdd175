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
  DeliveryController,
  HostClusterPreflight,
  PreflightStatus,
} from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import { AsyncContent, LabeledValue, StatusKind, StatusLabel } from '../shared';

const CHECK_STATUS: Record<
  PreflightStatus,
  { kind: StatusKind; label: string }
> = {
  pass: { kind: 'ok', label: 'Pass' },
  warn: { kind: 'warning', label: 'Warning' },
  fail: { kind: 'error', label: 'Fail' },
};

const DELIVERY_CONTROLLER_TITLES: Record<DeliveryController, string> = {
  flux: 'Flux (HelmRelease)',
  helmChart: 'HelmChart (k3s / RKE2 helm-controller)',
};

const NONE_DETECTED = 'none detected';

const PreflightReport = ({
  preflight,
}: {
  preflight: HostClusterPreflight;
}) => (
  <>
    <Box display="flex" alignItems="baseline" gridGap={16} mb={1}>
      <StatusLabel kind={preflight.passed ? 'ok' : 'error'}>
        {preflight.passed ? 'Passed' : 'Failed'}
      </StatusLabel>
      <Typography variant="caption" color="textSecondary">
        Checked {new Date(preflight.checkedAt).toLocaleString()}
      </Typography>
    </Box>
    <LabeledValue label="Delivery controller">
      {preflight.deliveryController
        ? DELIVERY_CONTROLLER_TITLES[preflight.deliveryController]
        : NONE_DETECTED}
    </LabeledValue>
    <LabeledValue label="Ingress class">
      {preflight.ingressClassName ?? NONE_DETECTED}
    </LabeledValue>
    <LabeledValue label="Storage class">
      {preflight.storageClassName ?? NONE_DETECTED}
    </LabeledValue>
    <Table size="small" aria-label="Preflight checks">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Result</TableCell>
          <TableCell>Message</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {preflight.checks.map(check => {
          const status = CHECK_STATUS[check.status];
          return (
            <TableRow key={check.name}>
              <TableCell>{check.name}</TableCell>
              <TableCell>
                <StatusLabel kind={status.kind}>{status.label}</StatusLabel>
              </TableCell>
              <TableCell>{check.message}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  </>
);

/**
 * Whether tenants can be placed on the cluster: the checks the backend runs
 * (loaded when shown) and what it detected.
 */
export const PreflightSection = ({ clusterName }: { clusterName: string }) => {
  const preflight = useRayServiceData(api =>
    api.getHostClusterPreflight({ path: { name: clusterName } }),
  );
  return (
    <section aria-label="Preflight">
      <Typography variant="h6" gutterBottom>
        Preflight
      </Typography>
      <AsyncContent state={preflight} retryLabel="Retry preflight">
        {value => <PreflightReport preflight={value} />}
      </AsyncContent>
    </section>
  );
};
