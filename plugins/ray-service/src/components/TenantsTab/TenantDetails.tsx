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
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import {
  Tenant,
  TenantCondition,
} from '@ray-service/plugin-ray-service-common';
import { LabeledValue, StatusLabel } from '../shared';
import { TenantPhase } from './tenantColumns';
import { CONDITION_STATUS } from './tenantDisplay';

const when = (timestamp: string) => new Date(timestamp).toLocaleString();

/** Where the tenant runs and what it was made from. */
export const TenantPlacement = ({ tenant }: { tenant: Tenant }) => (
  <>
    <LabeledValue label="Host cluster">
      {tenant.hostCluster}, namespace {tenant.namespace} ({tenant.isolation})
    </LabeledValue>
    <LabeledValue label="Profile">{tenant.profile}</LabeledValue>
    <LabeledValue label="Template version">
      {tenant.templateVersion}
    </LabeledValue>
  </>
);

/** What the reconciler observed, one row per condition. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export const ConditionsTable = (props: {
  name: string;
  conditions: Array<
    Omit<TenantCondition, 'type' | 'lastTransitionTime'> & {
      type: string;
      lastTransitionTime?: string;
    }
  >;
  /** What to say when there is none. */
  emptyText?: string;
  /** Without the last transition, for narrow cards. */
  compact?: boolean;
}) => {
  if (props.conditions.length === 0) {
    return (
      <Typography color="textSecondary">
        {props.emptyText ??
          'No conditions reported yet: the reconciler has not looked at this tenant.'}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Conditions of ${props.name}`}>
      <TableHead>
        <TableRow>
          {[
            'Type',
            'Status',
            'Reason',
            'Message',
            ...(props.compact ? [] : ['Last transition']),
          ].map(title => (
            <TableCell key={title} style={NO_WRAP}>
              {title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.conditions.map(condition => (
          <TableRow key={condition.type}>
            <TableCell style={NO_WRAP}>{condition.type}</TableCell>
            <TableCell style={NO_WRAP}>
              <StatusLabel kind={CONDITION_STATUS[condition.status]}>
                {condition.status}
              </StatusLabel>
            </TableCell>
            <TableCell style={NO_WRAP}>{condition.reason}</TableCell>
            <TableCell>{condition.message}</TableCell>
            {!props.compact && (
              <TableCell style={NO_WRAP}>
                {condition.lastTransitionTime &&
                  when(condition.lastTransitionTime)}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * A drawer with a tenant's details and conditions. It shows the tenant it is
 * given, so it follows the list as the list is polled.
 */
export const TenantDetails = (props: {
  tenant: Tenant;
  onClose: () => void;
}) => {
  const { tenant, onClose } = props;
  const titleId = `tenant-details-${tenant.name}`;
  const reconciling = tenant.observedGeneration < tenant.generation;
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      PaperProps={{ role: 'dialog', 'aria-labelledby': titleId }}
    >
      <Box p={3} width={900} maxWidth="100vw">
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <Typography variant="h5" id={titleId}>
            Tenant {tenant.name}
          </Typography>
          <IconButton aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Box>
        <Box my={2}>
          <TenantPhase tenant={tenant} />
          <LabeledValue label="Owner">{tenant.owner}</LabeledValue>
          <TenantPlacement tenant={tenant} />
          <LabeledValue label="Generation">
            {tenant.generation}, observed {tenant.observedGeneration}
            {reconciling && ' (changes not yet applied)'}
          </LabeledValue>
          <LabeledValue label="Created">
            {when(tenant.createdAt)} by {tenant.createdBy}
          </LabeledValue>
          <LabeledValue label="Updated">{when(tenant.updatedAt)}</LabeledValue>
          {tenant.deletionRequestedAt && (
            <LabeledValue label="Deletion requested">
              {when(tenant.deletionRequestedAt)}
            </LabeledValue>
          )}
        </Box>
        <Typography variant="h6" gutterBottom>
          Conditions
        </Typography>
        <ConditionsTable name={tenant.name} conditions={tenant.conditions} />
      </Box>
    </Drawer>
  );
};
