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

import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  TabbedLayout,
  WarningPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { AuditLogTab } from '../AuditLogTab';
import { ComputeProfilesTab } from '../ComputeProfilesTab';
import { HostClustersTab } from '../HostClustersTab';
import { PoolsTab } from '../PoolsTab';
import { TemplatesTab } from '../TemplatesTab';
import { TenantsTab } from '../TenantsTab';

/**
 * The admin page: everything the platform team configures before ML teams
 * can get tenants, and the tenants themselves. Only Ray service admins see its content.
 */
export const AdminPage = () => {
  const { loading, allowed } = usePermission({
    permission: rayServiceAdminPermission,
  });
  return (
    <Page themeId="tool">
      <Header
        title="Ray as a Service"
        subtitle="Host clusters, tenants, compute profiles and tenant templates"
      />
      {loading && (
        <Content>
          <Progress />
        </Content>
      )}
      {!loading && !allowed && (
        <Content>
          <WarningPanel
            severity="info"
            title="Not allowed — this page is for the platform team"
            defaultExpanded
            message="To get a Ray tenant for your team, use Create → Ray tenant. Your team's tenants are on your group's page, and each tenant's Ray tab runs its RayClusters, RayJobs and RayServices. Ask a Ray service admin if you need this page."
          />
        </Content>
      )}
      {!loading && allowed && (
        <TabbedLayout>
          <TabbedLayout.Route path="/" title="Host clusters">
            <>
              <ContentHeader title="Host clusters" />
              <HostClustersTab />
            </>
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/tenants" title="Tenants">
            <>
              <ContentHeader title="Tenants" />
              <TenantsTab />
            </>
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/pools" title="Pools">
            <>
              <ContentHeader title="Warm pools" />
              <PoolsTab />
            </>
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/profiles" title="Compute profiles">
            <>
              <ContentHeader title="Compute profiles" />
              <ComputeProfilesTab />
            </>
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/templates" title="Templates">
            <>
              <ContentHeader title="Tenant template versions" />
              <TemplatesTab />
            </>
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/audit" title="Audit log">
            <>
              <ContentHeader title="Audit log" />
              <AuditLogTab />
            </>
          </TabbedLayout.Route>
        </TabbedLayout>
      )}
    </Page>
  );
};
