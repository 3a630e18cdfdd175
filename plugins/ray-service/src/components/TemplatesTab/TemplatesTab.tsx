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
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import CloudUploadIcon from '@material-ui/icons/CloudUpload';
import {
  TEMPLATE_VERSION_ACTIONS,
  TemplateVersion,
  TemplateVersionAction,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { usePagedList } from '../../hooks/useRayServiceData';
import { ActionButton, PagedTable, useAdminAction } from '../shared';
import { ImportTemplateDialog } from './ImportTemplateDialog';
import { SharingDialog } from './SharingDialog';
import { templateColumns } from './templateColumns';

type OpenDialog =
  | { kind: 'import' }
  | { kind: 'share'; version: TemplateVersion };

/** The operation of each lifecycle step. */
const TRANSITIONS = {
  publish: 'publishTemplateVersion',
  deprecate: 'deprecateTemplateVersion',
  retire: 'retireTemplateVersion',
} as const;

const refOf = (version: TemplateVersion) =>
  templateVersionRef(version.name, version.version);

/** Tenant template versions: import, lifecycle and sharing. */
export const TemplatesTab = () => {
  const alertApi = useApi(alertApiRef);
  const versions = usePagedList((client, page) =>
    client.listTemplateVersions({ query: page }),
  );
  const { run, running } = useAdminAction();
  const [dialog, setDialog] = useState<OpenDialog>();

  const done = (message: string) => {
    setDialog(undefined);
    alertApi.post({ message, severity: 'success', display: 'transient' });
    versions.retry();
  };

  const transition = async (
    version: TemplateVersion,
    action: TemplateVersionAction,
  ) => {
    const ref = refOf(version);
    const changed = await run(
      client =>
        client[TRANSITIONS[action]]({
          path: { name: version.name, version: version.version },
        }),
      `${ref} is now ${TEMPLATE_VERSION_ACTIONS[action]}`,
    );
    if (changed) {
      versions.retry();
    }
  };

  return (
    <>
      <PagedTable
        state={versions}
        title="Template versions"
        columns={templateColumns({
          onTransition: transition,
          onShare: version => setDialog({ kind: 'share', version }),
          busy: running,
        })}
        emptyTitle="No template versions yet"
        emptyDescription="A template version fixes the KubeRay, Ray and vcluster versions and the security settings tenants run with. Import one from a YAML document."
        action={
          <ActionButton
            label="Import version"
            icon={<CloudUploadIcon />}
            onClick={() => setDialog({ kind: 'import' })}
          />
        }
      />
      {dialog?.kind === 'import' && (
        <ImportTemplateDialog
          onClose={() => setDialog(undefined)}
          onImported={version =>
            done(`Imported ${refOf(version)} as ${version.state}`)
          }
        />
      )}
      {dialog?.kind === 'share' && (
        <SharingDialog
          version={dialog.version}
          onClose={() => setDialog(undefined)}
          onSaved={version => done(`Saved the sharing of ${refOf(version)}`)}
        />
      )}
    </>
  );
};
