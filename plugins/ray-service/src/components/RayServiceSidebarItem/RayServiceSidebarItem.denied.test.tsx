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
import { act, screen, waitFor } from '@testing-library/react';
import { renderSidebarItem } from '../../__testUtils__/renderSidebarItem';

describe('RayServiceSidebarItem for team members', () => {
  it('shows nothing once the policy has answered', async () => {
    const asked = await renderSidebarItem(AuthorizeResult.DENY);
    await waitFor(() => expect(asked).toContain('ray-service.admin'));
    // Let the answer reach the component.
    await act(async () => {});
    expect(
      screen.queryByRole('link', { name: /Ray service/ }),
    ).not.toBeInTheDocument();
  });
});
