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

import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  Tenant,
  tenantUpgradeRequestSchema,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import {
  AsyncContent,
  FormDialog,
  SelectInput,
  useFormSubmit,
} from '../shared';
import { upgradeCandidates } from './tenantForm';
import { usePublishedTemplateVersions } from './useTenantChoices';

/** Moves a tenant to another published version of its template. */
export const UpgradeTenantDialog = (props: {
  tenant: Tenant;
  onClose: () => void;
  onUpgraded: (tenant: Tenant) => void;
}) => {
  const { tenant, onClose, onUpgraded } = props;
  const api = useApi(rayServiceApiRef);
  const versions = usePublishedTemplateVersions();
  const candidates = upgradeCandidates(
    tenant.templateVersion,
    versions.value ?? [],
  );
  const [choice, setChoice] = useState<string>();
  const templateVersion = choice ?? candidates[0] ?? '';
  const form = useFormSubmit({
    schema: tenantUpgradeRequestSchema,
    send: request =>
      api.upgradeTenant({ path: { name: tenant.name }, body: request }),
    onSuccess: onUpgraded,
  });
  return (
    <FormDialog
      title={`Upgrade ${tenant.name}`}
      submitLabel="Upgrade"
      form={form}
      submitDisabled={candidates.length === 0}
      onSubmit={() => form.submit({ templateVersion })}
      onClose={onClose}
    >
      <Typography variant="body2" paragraph>
        {tenant.name} runs {tenant.templateVersion}. Upgrading applies the new
        version&apos;s KubeRay, Ray and vcluster versions and security settings;
        the tenant shows Upgrading until they are in place.
      </Typography>
      <AsyncContent state={versions} retryLabel="Retry loading versions">
        {() =>
          candidates.length === 0 ? (
            <Typography color="textSecondary">
              No other published version of this template.
            </Typography>
          ) : (
            <SelectInput
              label="Template version"
              value={templateVersion}
              onChange={setChoice}
              options={candidates}
              error={form.fieldErrors.templateVersion}
              fullWidth
            />
          )
        }
      </AsyncContent>
    </FormDialog>
  );
};
