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

import { LogViewer } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { JobLogs } from '@ray-service/plugin-ray-service-common';
import { RayServiceApi } from '../../api';
import { usePolledData } from '../../hooks/usePolledData';
import { AsyncContent, ViewDialog } from '../shared';

/** A log in Backstage's LogViewer (ANSI colours, search, line links). */
export function LogText(props: { text: string }) {
  return (
    <Box height={480} data-testid="job-logs">
      <LogViewer text={props.text || '(no output yet)'} />
    </Box>
  );
}

/**
 * The end of a job's log, polled while `running` (every 3 s, slower when
 * nothing changes). From the cluster's Ray dashboard while it runs, from the
 * job history once it is gone.
 */
export function LogsDialog(props: {
  title: string;
  load: (api: RayServiceApi) => Promise<JobLogs>;
  running?: boolean;
  onClose: () => void;
}) {
  const state = usePolledData(props.load, [props.title], {
    intervalMs: 3000,
    changing: () => Boolean(props.running),
  });
  return (
    <ViewDialog title={props.title} onClose={props.onClose} maxWidth="lg">
      <AsyncContent state={state} retryLabel="Retry logs">
        {logs => (
          <>
            {logs.truncated && (
              <Typography variant="caption" color="textSecondary">
                The last lines of the log.
              </Typography>
            )}
            <LogText text={logs.logs} />
          </>
        )}
      </AsyncContent>
    </ViewDialog>
  );
}
