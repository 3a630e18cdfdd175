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
import {
  describeExtendedResources,
  describeQuantities,
  ResourcePreview,
} from './profileSummary';

/** What a profile's groups add up to, as quotas and Ray clusters see it. */
export const ResourceTotalsPreview = ({
  preview,
}: {
  preview?: ResourcePreview;
}) => (
  <Box
    component="section"
    aria-label="Resource totals"
    mt={2}
    p={1}
    bgcolor="background.default"
  >
    <Typography variant="subtitle1">Resource totals</Typography>
    {preview ? (
      <>
        {preview.groups.map((group, index) => (
          <Typography key={index} variant="body2">
            Group {index + 1}: {group.resources}
            {group.gpus && `; ${group.gpus}`}
          </Typography>
        ))}
        <Typography variant="body2">
          <strong>Total:</strong> {describeQuantities(preview.total)}
          {Object.keys(preview.total.extended).length > 0 &&
            ` · ${describeExtendedResources(preview.total.extended)}`}
        </Typography>
      </>
    ) : (
      <Typography variant="body2" color="textSecondary">
        Shown once every group has valid quantities and GPUs.
      </Typography>
    )}
  </Box>
);
