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

import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { usePolledData } from '../../hooks/usePolledData';
import { ListContent } from '../shared';
import { QuotaChart } from './QuotaChart';
import { quotaUseOf } from './quotaUse';

/** Quota use as a chart: used vs hard per resource, from the tenant's ResourceQuota. */
export function QuotaCard(props: { tenant: string }) {
  const { tenant } = props;
  const state = usePolledData(
    async api => quotaUseOf(await api.getTenantUsage({ path: { tenant } })),
    [tenant],
    { intervalMs: 15_000, maxIntervalMs: 120_000 },
  );
  return (
    <InfoCard title="Quota use">
      <ListContent
        state={state}
        retryLabel="Retry quota"
        empty={{
          title: 'No quota yet',
          description:
            "The tenant's ResourceQuota has not been applied yet; it appears once the tenant is provisioned.",
        }}
      >
        {uses => (
          <>
            <Typography variant="body2" color="textSecondary" gutterBottom>
              Requests of the tenant's running pods against its quota.
            </Typography>
            <QuotaChart uses={uses} />
          </>
        )}
      </ListContent>
    </InfoCard>
  );
}
