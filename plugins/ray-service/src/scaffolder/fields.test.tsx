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

import { ApiHolder } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { ComponentProps, ComponentType } from 'react';
import { rayServiceApiRef } from '../api';
import {
  computeProfile,
  templateVersion,
  tenant,
} from '../__testUtils__/fixtures';
import {
  errorResponse,
  recordRequests,
  serveList,
  serveNever,
  setupMsw,
  testRayServiceClient,
} from '../__testUtils__/renderAdmin';
import {
  serveTenantPlan,
  tenantFormData,
} from '../__testUtils__/scaffolderForm';
import { RayDryRun } from './RayDryRun';
import {
  RayProfilePicker,
  RayTemplateVersionPicker,
  RayTenantNameField,
  RayTenantPicker,
} from './fields';
import { validateDryRun, validateTenantName } from './validation';

const client = testRayServiceClient();

const groups = [
  { name: 'ml-teams' },
  { name: 'ml-team-alpha', parent: 'ml-teams' },
].map(({ name, parent }) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent && { parent }) },
}));

const apis = [
  [rayServiceApiRef, client],
  [catalogApiRef, catalogApiMock({ entities: groups })],
  [
    permissionApiRef,
    new MockPermissionApi(request =>
      (request as { resourceRef?: string }).resourceRef === 'not-mine'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    ),
  ],
] as const;

/** Renders a field as the scaffolder form would, with the form's other values. */
async function renderField<P>(
  Field: ComponentType<P>,
  props: {
    title: string;
    formData?: Record<string, unknown>;
    uiOptions?: object;
  },
) {
  const onChange = jest.fn();
  const fieldProps = {
    schema: { title: props.title },
    uiSchema: { 'ui:options': props.uiOptions ?? {} },
    formContext: { formData: props.formData ?? {} },
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    onChange,
  } as unknown as ComponentProps<typeof Field>;
  await renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <Field {...(fieldProps as any)} />
    </TestApiProvider>,
  );
  return onChange;
}

const apiHolder: ApiHolder = {
  get: (ref: { id: string }) =>
    (ref.id === rayServiceApiRef.id ? client : undefined) as any,
};

function fieldValidation() {
  const errors: string[] = [];
  return { errors, addError: (message: string) => errors.push(message) };
}

describe('the Ray form fields', () => {
  const server = setupMsw();

  describe('RayProfilePicker', () => {
    it("offers the profiles the owner's groups may use, and reports the choice", async () => {
      serveList(server, '/profiles', [
        computeProfile('small'),
        computeProfile('teams-only', { visibleTo: ['group:default/ml-teams'] }),
        computeProfile('bravo-only', {
          visibleTo: ['group:default/ml-team-bravo'],
        }),
      ]);
      const onChange = await renderField(RayProfilePicker, {
        title: 'Compute profile',
        formData: { owner: 'group:default/ml-team-alpha' },
      });

      await userEvent.click(
        await screen.findByRole('radio', { name: /Teams-only \(teams-only\)/ }),
      );
      expect(onChange).toHaveBeenCalledWith('teams-only');
      expect(screen.getByRole('radio', { name: /Small/ })).toBeInTheDocument();
      expect(screen.queryByRole('radio', { name: /bravo-only/ })).toBeNull();
    });

    it('asks for the owner first', async () => {
      serveList(server, '/profiles', [computeProfile('small')]);
      await renderField(RayProfilePicker, { title: 'Compute profile' });
      expect(
        await screen.findByText('Choose the owner group first.'),
      ).toBeInTheDocument();
    });

    it('shows progress while loading', async () => {
      serveNever(server, '/profiles');
      await renderField(RayProfilePicker, {
        title: 'Compute profile',
        formData: { owner: 'ml-team-alpha' },
      });
      expect(await screen.findByTestId('progress')).toBeInTheDocument();
    });

    it('shows the reason when loading fails, and loads again on Retry', async () => {
      recordRequests(server, 'get', '/profiles', () =>
        errorResponse(503, 'the database is restarting'),
      );
      await renderField(RayProfilePicker, {
        title: 'Compute profile',
        formData: { owner: 'ml-team-alpha' },
      });
      expect(
        await screen.findByText('the database is restarting'),
      ).toBeInTheDocument();

      serveList(server, '/profiles', [computeProfile('small')]);
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(
        await screen.findByRole('radio', { name: /Small/ }),
      ).toBeInTheDocument();
    });
  });

  it('RayTemplateVersionPicker marks deprecated versions and leaves out retired ones', async () => {
    const shared = { sharedWith: ['group:default/ml-teams'] };
    serveList(server, '/templates', [
      templateVersion('1.0.0', 'deprecated', shared),
      templateVersion('1.1.0', 'published', shared),
      templateVersion('0.9.0', 'retired', shared),
    ]);
    await renderField(RayTemplateVersionPicker, {
      title: 'Template version',
      formData: { owner: 'ml-team-alpha' },
    });

    expect(
      await screen.findByRole('radio', { name: /kuberay@1\.1\.0/ }),
    ).toBeEnabled();
    expect(
      screen.getByRole('radio', { name: /kuberay@1\.0\.0/ }),
    ).toBeDisabled();
    expect(screen.getByText('deprecated')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /0\.9\.0/ })).toBeNull();
  });

  it('RayTenantPicker offers the tenants the user may create workloads in', async () => {
    serveList(server, '/tenants', [
      tenant('fraud-models'),
      tenant('warming-up', { phase: 'Provisioning' }),
      tenant('not-mine'),
    ]);
    await renderField(RayTenantPicker, { title: 'Tenant' });

    expect(
      await screen.findByRole('radio', { name: /fraud-models/ }),
    ).toBeEnabled();
    expect(screen.getByRole('radio', { name: /warming-up/ })).toBeDisabled();
    expect(screen.queryByRole('radio', { name: /not-mine/ })).toBeNull();
  });

  describe('RayDryRun', () => {
    /** The dry run step of the tenant template, with `tenantFormData`. */
    const renderDryRun = () =>
      renderField(RayDryRun, {
        title: 'Check with the Ray service',
        formData: tenantFormData,
        uiOptions: { operation: 'planTenant' },
      });

    it('shows what would be created and marks the step passed', async () => {
      serveTenantPlan(server);
      const onChange = await renderDryRun();

      expect(
        await screen.findByText(
          'The Ray service checked your choices: this can be created.',
        ),
      ).toBeInTheDocument();
      expect(screen.getByText('Quota: 8 CPU, 32Gi memory')).toBeInTheDocument();
      await waitFor(() => expect(onChange).toHaveBeenCalledWith('passed'));
    });

    it('shows why the choices cannot work', async () => {
      recordRequests(server, 'post', '/tenants/plan', () =>
        errorResponse(
          409,
          'no host cluster can take tenant "fraud-models": sim-local: not enough capacity (nvidia.com/mig-1g.5gb: needs 14, 0 free)',
        ),
      );
      const onChange = await renderDryRun();

      expect(
        await screen.findByText(
          /not enough capacity \(nvidia.com\/mig-1g.5gb: needs 14, 0 free\)/,
        ),
      ).toBeInTheDocument();
      await waitFor(() => expect(onChange).toHaveBeenCalledWith('refused'));
    });

    it('its validation stops the step while the backend refuses', async () => {
      recordRequests(server, 'post', '/tenants/plan', () =>
        errorResponse(400, 'templateVersion: …', [
          {
            field: 'templateVersion',
            message:
              'template version kuberay@1.1.0 is not shared with group:default/ml-team-alpha',
          },
        ]),
      );
      const validation = fieldValidation();
      await validateDryRun('refused', validation as any, {
        apiHolder,
        formData: tenantFormData,
        schema: {},
        uiSchema: { 'ui:options': { operation: 'planTenant' } },
      });
      expect(validation.errors).toEqual([
        'templateVersion: template version kuberay@1.1.0 is not shared with group:default/ml-team-alpha',
      ]);
    });
  });

  describe('validateTenantName', () => {
    async function errorsFor(name: string) {
      const validation = fieldValidation();
      await validateTenantName(name, validation as any, {
        apiHolder,
        formData: {},
        schema: {},
      });
      return validation.errors;
    }

    it("checks the format with the REST API's rule", async () => {
      expect(await errorsFor('Fraud_Models')).toEqual([
        'must be lowercase letters, digits and "-", starting and ending with a letter or digit',
      ]);
    });

    it('refuses a name that is taken, accepts one that is free', async () => {
      serveList(server, '/tenants', []);
      recordRequests(server, 'get', '/tenants/taken', () =>
        HttpResponse.json(tenant('taken')),
      );
      recordRequests(server, 'get', '/tenants/free', () =>
        errorResponse(404, 'tenant "free" not found'),
      );
      expect(await errorsFor('taken')).toEqual([
        'a tenant named "taken" already exists',
      ]);
      expect(await errorsFor('free')).toEqual([]);
    });
  });

  describe('RayTenantNameField', () => {
    it("reads the owner's lineage while the name is typed, for the next step's pickers", async () => {
      const catalog = catalogApiMock({ entities: groups });
      const reads = jest.spyOn(catalog, 'getEntityByRef');
      const props = {
        schema: { title: 'Tenant name' },
        uiSchema: {},
        formContext: { formData: { owner: 'group:default/ml-team-alpha' } },
        idSchema: { $id: 'root_name' },
        rawErrors: [],
        onChange: jest.fn(),
      } as unknown as ComponentProps<typeof RayTenantNameField>;
      await renderInTestApp(
        <TestApiProvider apis={[[catalogApiRef, catalog]]}>
          <RayTenantNameField {...props} />
        </TestApiProvider>,
      );
      expect(screen.getByLabelText('Tenant name')).toBeInTheDocument();
      await waitFor(() =>
        expect(reads.mock.calls.map(([ref]) => ref)).toEqual([
          'group:default/ml-team-alpha',
          'group:default/ml-teams',
        ]),
      );
    });
  });
});
