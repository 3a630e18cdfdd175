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
import Typography from '@material-ui/core/Typography';
import {
  TemplateVersion,
  TemplateVersionAction,
  templateVersionActionSchema,
  templateVersionRef,
  TemplateVersionState,
} from '@ray-service/plugin-ray-service-common';
import { Expandable } from '../shared';
import { TransitionButton } from './TransitionButton';

export interface TemplateRowActions {
  onTransition: (
    version: TemplateVersion,
    action: TemplateVersionAction,
  ) => void;
  onShare: (version: TemplateVersion) => void;
  busy: boolean;
}

const STATE_COLORS: Record<
  TemplateVersionState,
  'primary' | 'secondary' | 'default'
> = {
  draft: 'default',
  published: 'primary',
  deprecated: 'secondary',
  retired: 'default',
};

const SharedWith = ({ groups }: { groups: string[] }) =>
  groups.length ? (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {groups.map(group => (
        <Chip key={group} size="small" label={group} />
      ))}
    </Box>
  ) : (
    <Typography color="textSecondary">Admins only</Typography>
  );

/** The columns of the template versions table, with the row actions. */
export function templateColumns(
  actions: TemplateRowActions,
): TableColumn<TemplateVersion>[] {
  return [
    {
      title: 'Version',
      cellStyle: { whiteSpace: 'nowrap' },
      render: version => templateVersionRef(version.name, version.version),
    },
    {
      title: 'State',
      render: version => (
        <Chip
          size="small"
          label={version.state}
          color={STATE_COLORS[version.state]}
          variant={version.state === 'retired' ? 'outlined' : 'default'}
        />
      ),
    },
    {
      title: 'Stack',
      render: version => (
        <Typography variant="body2" component="div">
          KubeRay {version.kuberayVersion}
          <br />
          Ray {version.rayVersion}
          <br />
          vcluster {version.vclusterChartVersion}
        </Typography>
      ),
    },
    {
      title: 'Isolation',
      render: version => version.isolationModes.join(', '),
    },
    {
      title: 'Shared with',
      render: version => <SharedWith groups={version.sharedWith} />,
    },
    {
      title: 'Changelog',
      render: version =>
        version.changelog ? (
          <Expandable label="Show">
            <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
              {version.changelog}
            </Typography>
          </Expandable>
        ) : (
          '—'
        ),
    },
    {
      title: 'Actions',
      render: version => (
        <Box display="flex" flexWrap="wrap">
          {templateVersionActionSchema.options.map(action => (
            <TransitionButton
              key={action}
              version={version}
              action={action}
              disabled={actions.busy}
              onClick={() => actions.onTransition(version, action)}
            />
          ))}
          <Button
            size="small"
            aria-label={`Sharing of ${templateVersionRef(
              version.name,
              version.version,
            )}`}
            onClick={() => actions.onShare(version)}
          >
            Sharing
          </Button>
        </Box>
      ),
    },
  ];
}
