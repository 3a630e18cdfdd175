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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { renderSidebarItem } from '../../__testUtils__/renderSidebarItem';

describe('RayServiceSidebarItem for admins', () => {
  it('links to the admin page', async () => {
    const asked = await renderSidebarItem(AuthorizeResult.ALLOW);
    const link = await screen.findByRole('link', { name: /Ray service/ });
    expect(link).toHaveAttribute('href', '/ray-service');
    expect(asked).toContain('ray-service.admin');
  });
});
