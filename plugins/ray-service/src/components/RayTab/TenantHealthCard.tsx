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
import Box from '@material-ui/core/Box';
import { AsyncContent } from '../shared';
import { ConditionsTable, TenantPhase, TenantPlacement } from '../TenantsTab';
import { usePolledData } from '../../hooks/usePolledData';
import { isChanging } from '../TenantsTab/tenantDisplay';

/** The tenant's phase and conditions, polled (often while it converges). */
export function TenantHealthCard(props: { tenant: string }) {
  const { tenant } = props;
  const state = usePolledData(
    api => api.getTenant({ path: { name: tenant } }),
    [tenant],
    { changing: isChanging },
  );
  return (
    <InfoCard title="Health">
      <AsyncContent state={state} retryLabel="Retry health">
        {value => (
          <>
            <Box mb={2}>
              <TenantPhase tenant={value} />
              <TenantPlacement tenant={value} />
            </Box>
            <ConditionsTable
              name={value.name}
              conditions={value.conditions}
              compact
            />
          </>
        )}
      </AsyncContent>
    </InfoCard>
  );
}
