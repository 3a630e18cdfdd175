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

import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import {
  ComputeProfile,
  profileResourceTotals,
} from '@ray-service/plugin-ray-service-common';
import {
  describeAllocation,
  describeGpus,
  describeQuantities,
} from './profileSummary';

export interface ProfileRowActions {
  onEdit: (profile: ComputeProfile) => void;
  onDelete: (profile: ComputeProfile) => void;
  onTogglePublished: (profile: ComputeProfile) => void;
}

const GpuSummary = ({ profile }: { profile: ComputeProfile }) => {
  const lines = profile.resources.flatMap(
    group => describeGpus(group, profile.partitioning) ?? [],
  );
  return lines.length ? (
    <>
      {lines.map(line => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
    </>
  ) : (
    <Typography color="textSecondary">No GPUs</Typography>
  );
};

const VisibleTo = ({ groups }: { groups: string[] }) =>
  groups.length ? (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {groups.map(group => (
        <Chip key={group} size="small" label={group} />
      ))}
    </Box>
  ) : (
    <>Everyone</>
  );

/** The columns of the profiles table, with the row actions. */
export function profileColumns(
  actions: ProfileRowActions,
): TableColumn<ComputeProfile>[] {
  return [
    { title: 'Name', field: 'name' },
    { title: 'Display name', field: 'displayName' },
    {
      title: 'Resources',
      render: profile => (
        <>
          {describeQuantities(profileResourceTotals(profile))}
          <Typography variant="caption" display="block" color="textSecondary">
            {profile.resources.length} group(s)
          </Typography>
        </>
      ),
    },
    { title: 'GPUs', render: profile => <GpuSummary profile={profile} /> },
    {
      title: 'Allocation',
      render: profile => describeAllocation(profile.allocation),
    },
    {
      title: 'Published',
      render: profile => (
        <Switch
          checked={profile.published}
          inputProps={{ 'aria-label': `Published ${profile.name}` }}
          onChange={() => actions.onTogglePublished(profile)}
        />
      ),
    },
    {
      title: 'Visible to',
      render: profile => <VisibleTo groups={profile.visibleTo} />,
    },
    {
      title: 'Actions',
      render: profile => (
        <Box display="flex">
          <Button
            size="small"
            aria-label={`Edit ${profile.name}`}
            onClick={() => actions.onEdit(profile)}
          >
            Edit
          </Button>
          <Button
            size="small"
            color="secondary"
            aria-label={`Delete ${profile.name}`}
            onClick={() => actions.onDelete(profile)}
          >
            Delete
          </Button>
        </Box>
      ),
    },
  ];
}
