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

import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  errorResponse,
  fillIn,
  renderWithUser,
  serveList,
  serveNever,
  setupMsw,
  testBaseUrl as baseUrl,
} from '../../__testUtils__/renderAdmin';
import { templateVersion } from '../../__testUtils__/fixtures';
import { TemplatesTab } from './TemplatesTab';

const server = setupMsw();

const published = templateVersion('1.0.0', 'published', {
  changelog: 'First version: KubeRay 1.5.1 in a vcluster.',
  sharedWith: ['group:default/ml-teams'],
});
const draft = templateVersion('2.0.0', 'draft');
const retired = templateVersion('0.9.0', 'retired');

const document = `apiVersion: ray-service.io/v1alpha1
kind: TenantTemplateVersion
metadata:
  name: kuberay
  version: 2.1.0
spec:
  kuberayVersion: 1.5.1
  rayVersion: 2.52.0
  vclusterChartVersion: 0.36.1
  isolationModes: [vcluster]
  security:
    networkPolicy: true
    tls: true
`;

function serveVersions(items: unknown[] = [published, draft, retired]) {
  serveList(server, '/templates', items);
}

async function renderTab() {
  const user = await renderWithUser(<TemplatesTab />);
  return user;
}

async function openImportDialog() {
  serveVersions([]);
  const user = await renderTab();
  await user.click(await screen.findByText('Import version'));
  return { user, dialog: await screen.findByRole('dialog') };
}

describe('TemplatesTab', () => {
  it('shows a progress bar while loading', async () => {
    serveNever(server, '/templates');
    await renderTab();
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    server.use(
      http.get(`${baseUrl}/templates`, () =>
        errorResponse(500, 'database is on fire'),
      ),
    );
    await renderTab();
    expect(
      (await screen.findAllByText(/database is on fire/)).length,
    ).toBeGreaterThan(0);
  });

  it('offers an import when there are no versions', async () => {
    serveVersions([]);
    await renderTab();
    expect(
      await screen.findByText('No template versions yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('Import version')).toBeInTheDocument();
  });

  it('lists versions with state, versions, sharing and the changelog', async () => {
    serveVersions();
    const user = await renderTab();
    expect(await screen.findByText('kuberay@1.0.0')).toBeInTheDocument();
    expect(screen.getByText('published')).toBeInTheDocument();
    expect(screen.getByText('draft')).toBeInTheDocument();
    expect(screen.getAllByText('vcluster, namespace')).toHaveLength(3);
    expect(screen.getByText('group:default/ml-teams')).toBeInTheDocument();
    expect(screen.getAllByText('Admins only')).toHaveLength(2);

    expect(screen.queryByText(/First version/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(
      screen.getByText('First version: KubeRay 1.5.1 in a vcluster.'),
    ).toBeInTheDocument();
  });

  it('disables forbidden transitions with the reason as a tooltip', async () => {
    serveVersions();
    const user = await renderTab();
    const publishRetired = await screen.findByLabelText(
      'Publish kuberay@0.9.0',
    );
    expect(publishRetired).toBeDisabled();
    expect(screen.getByLabelText('Publish kuberay@2.0.0')).toBeEnabled();
    expect(screen.getByLabelText('Deprecate kuberay@2.0.0')).toBeDisabled();

    await user.hover(publishRetired.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'the version is retired, which is final',
    );
  });

  it('publishes a version through its action path', async () => {
    serveVersions();
    const calls: string[] = [];
    server.use(
      http.post(`${baseUrl}/templates/:ref/:action`, ({ params }) => {
        calls.push(`${params.ref}/${params.action}`);
        return HttpResponse.json({ ...draft, state: 'published' });
      }),
    );
    const user = await renderTab();
    await user.click(await screen.findByLabelText('Publish kuberay@2.0.0'));

    expect(
      await screen.findByText('kuberay@2.0.0 is now published'),
    ).toBeInTheDocument();
    expect(calls).toEqual(['kuberay@2.0.0/publish']);
  });

  it("shows the server's reason when it refuses a transition", async () => {
    serveVersions();
    server.use(
      http.post(`${baseUrl}/templates/kuberay@1.0.0/retire`, () =>
        errorResponse(
          409,
          '2 tenants still use this version; move them to another version first',
        ),
      ),
    );
    const user = await renderTab();
    await user.click(await screen.findByLabelText('Retire kuberay@1.0.0'));

    expect(
      await screen.findByText(
        '2 tenants still use this version; move them to another version first',
      ),
    ).toBeInTheDocument();
  });

  it('edits the sharing of a version', async () => {
    serveVersions();
    const bodies: unknown[] = [];
    server.use(
      http.put(
        `${baseUrl}/templates/kuberay@1.0.0/sharing`,
        async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(published);
        },
      ),
    );
    const user = await renderTab();
    await user.click(await screen.findByLabelText('Sharing of kuberay@1.0.0'));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/includes all of its sub-groups/),
    ).toBeInTheDocument();
    await user.type(
      within(dialog).getByLabelText('Shared with'),
      'Data-Science{Enter}',
    );
    await user.click(within(dialog).getByText('Save'));

    expect(
      await screen.findByText('Saved the sharing of kuberay@1.0.0'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([
      { sharedWith: ['group:default/ml-teams', 'group:default/data-science'] },
    ]);
  });

  it('shows an invalid group ref in the sharing dialog without sending', async () => {
    serveVersions();
    const requests: string[] = [];
    server.use(
      http.put(`${baseUrl}/templates/:ref/sharing`, ({ request }) => {
        requests.push(request.url);
        return HttpResponse.json(published);
      }),
    );
    const user = await renderTab();
    await user.click(await screen.findByLabelText('Sharing of kuberay@1.0.0'));
    const dialog = await screen.findByRole('dialog');
    await user.type(
      within(dialog).getByLabelText('Shared with'),
      'user:default/jane{Enter}',
    );
    await user.click(within(dialog).getByText('Save'));

    expect(
      within(dialog).getByLabelText('Shared with'),
    ).toHaveAccessibleDescription(
      '"user:default/jane" is not a group reference',
    );
    expect(requests).toEqual([]);
  });

  it('shows parse errors of a pasted document before importing', async () => {
    const { user, dialog } = await openImportDialog();
    await fillIn(
      user,
      within(dialog).getByLabelText('Document'),
      `${document}  replicaCount: 3\n`,
    );

    expect(
      within(dialog).getByText('spec.replicaCount: is not a known field'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Import').closest('button')).toBeDisabled();
  });

  it('shows YAML syntax errors', async () => {
    const { user, dialog } = await openImportDialog();
    await fillIn(
      user,
      within(dialog).getByLabelText('Document'),
      'spec: [unclosed',
    );

    expect(
      within(dialog).getByText(/The document is not valid/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/flow sequence/i)).toBeInTheDocument();
  });

  it('imports an uploaded file as YAML', async () => {
    const imports: { contentType: string | null; body: string }[] = [];
    server.use(
      http.post(`${baseUrl}/templates`, async ({ request }) => {
        imports.push({
          contentType: request.headers.get('content-type'),
          body: await request.text(),
        });
        return HttpResponse.json(templateVersion('2.1.0', 'draft'), {
          status: 201,
        });
      }),
    );
    const { user, dialog } = await openImportDialog();
    await user.upload(
      within(dialog).getByLabelText('Template document file'),
      new File([document], 'kuberay-2.1.0.yaml', { type: 'application/yaml' }),
    );
    expect(
      await within(dialog).findByText(
        'kuberay@2.1.0 will be imported as draft.',
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByText('Import'));

    expect(
      await screen.findByText('Imported kuberay@2.1.0 as draft'),
    ).toBeInTheDocument();
    expect(imports).toEqual([
      { contentType: 'application/yaml', body: document },
    ]);
  });

  it("lists a 400's details when the server refuses a document", async () => {
    server.use(
      http.post(`${baseUrl}/templates`, () =>
        errorResponse(400, 'spec.kuberayVersion: not in the support matrix', [
          {
            field: 'spec.kuberayVersion',
            message: 'not in the support matrix',
          },
        ]),
      ),
    );
    const { user, dialog } = await openImportDialog();
    await fillIn(user, within(dialog).getByLabelText('Document'), document);
    await user.click(within(dialog).getByText('Import'));

    expect(
      await within(dialog).findByText(
        'spec.kuberayVersion: not in the support matrix',
      ),
    ).toBeInTheDocument();
  });
});
