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

import { SidebarItem } from '@backstage/core-components';
import { IconComponent, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import StorageIcon from '@material-ui/icons/Storage';
import { rayServiceAdminPermission } from '@ray-service/plugin-ray-service-common';
import { rootRouteRef } from '../../routes';

/**
 * The sidebar link to the Ray service admin page, shown only to those the
 * permission policy lets in: team members reach their tenants from their
 * group's page and the Create page instead.
 *
 * @public
 */
export const RayServiceSidebarItem = (props: {
  icon?: IconComponent;
  text?: string;
}) => {
  const { loading, allowed } = usePermission({
    permission: rayServiceAdminPermission,
  });
  const adminPage = useRouteRef(rootRouteRef);
  if (loading || !allowed) {
    return null;
  }
  return (
    <SidebarItem
      icon={props.icon ?? StorageIcon}
      to={adminPage()}
      text={props.text ?? 'Ray service'}
    />
  );
};
