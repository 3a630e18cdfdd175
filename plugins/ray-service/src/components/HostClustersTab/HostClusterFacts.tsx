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
import Typography from '@material-ui/core/Typography';
import {
  HostClusterFacts as Facts,
  HostClusterVersionSupport,
} from '@ray-service/plugin-ray-service-common';

/** Where a cluster runs, e.g. "Public cloud: aws eu-west-1 (p4d.24xlarge)". */
export const InfrastructureSummary = ({ facts }: { facts?: Facts }) => {
  const infrastructure = facts?.infrastructure;
  if (!infrastructure) {
    return <Typography color="textSecondary">Not recorded</Typography>;
  }
  const [place, machines] =
    infrastructure.type === 'publicCloud'
      ? [
          `Public cloud: ${infrastructure.provider} ${infrastructure.region}`,
          infrastructure.instanceTypes,
        ]
      : [
          `Data center: ${infrastructure.infrastructure}, ${infrastructure.operatingSystem}`,
          infrastructure.gpuTypes,
        ];
  return (
    <>
      <Typography variant="body2">{place}</Typography>
      {machines.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          {machines.join(', ')}
        </Typography>
      )}
    </>
  );
};

export const LabelChips = ({
  labels = {},
}: {
  labels?: Record<string, string>;
}) => (
  <Box display="flex" flexWrap="wrap" gridGap={4}>
    {Object.entries(labels).map(([key, value]) => (
      <Chip key={key} size="small" label={`${key}=${value}`} />
    ))}
  </Box>
);

/** "supported"/"unsupported" with the supported range and the reason. */
export const VersionSupport = ({
  support,
}: {
  support?: HostClusterVersionSupport;
}) => {
  if (!support) {
    return null;
  }
  return (
    <Box>
      <Chip
        size="small"
        color={support.supported ? 'primary' : 'secondary'}
        label={support.supported ? 'supported' : 'unsupported'}
      />
      <Typography variant="caption" display="block" color="textSecondary">
        Supported: {support.range}
        {support.reason && ` — ${support.reason}`}
      </Typography>
    </Box>
  );
};
