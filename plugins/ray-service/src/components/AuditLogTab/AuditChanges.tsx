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
import { AuditEntry } from '@ray-service/plugin-ray-service-common';
import { changedFields } from './changedFields';

const Json = ({ title, value }: { title: string; value: unknown }) => (
  <Box flex={1} minWidth={0} component="section" aria-label={title}>
    <Typography variant="subtitle2">{title}</Typography>
    {value === undefined ? (
      <Typography color="textSecondary">—</Typography>
    ) : (
      <Box component="pre" fontSize="0.75rem" overflow="auto" m={0}>
        {JSON.stringify(value, null, 2)}
      </Box>
    )}
  </Box>
);

/** The object before and after an audited change, with the changed fields. */
export const AuditChanges = ({ entry }: { entry: AuditEntry }) => {
  const changed = changedFields(entry.before, entry.after);
  return (
    <Box py={1}>
      {changed.length > 0 && (
        <Typography variant="body2" gutterBottom>
          Changed: {changed.join(', ')}
        </Typography>
      )}
      <Box display="flex" gridGap={16}>
        <Json title="Before" value={entry.before} />
        <Json title="After" value={entry.after} />
      </Box>
    </Box>
  );
};
