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
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  ComputeProfile,
  computeProfileInputSchema,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { usePagedList } from '../../hooks/useRayServiceData';
import {
  ActionButton,
  ConfirmDialog,
  PagedTable,
  useAdminAction,
} from '../shared';
import { profileColumns } from './profileColumns';
import { ProfileFormDialog } from './ProfileFormDialog';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'edit'; profile: ComputeProfile }
  | { kind: 'delete'; profile: ComputeProfile };

/** Compute profiles: what users pick when they request a tenant. */
export const ComputeProfilesTab = () => {
  const api = useApi(rayServiceApiRef);
  const alertApi = useApi(alertApiRef);
  const profiles = usePagedList((client, page) =>
    client.listProfiles({ query: page }),
  );
  const { run } = useAdminAction();
  const [dialog, setDialog] = useState<OpenDialog>();

  const done = (message: string) => {
    setDialog(undefined);
    alertApi.post({ message, severity: 'success', display: 'transient' });
    profiles.retry();
  };

  const togglePublished = async (profile: ComputeProfile) => {
    const published = !profile.published;
    const changed = await run(
      client =>
        client.updateProfile({
          path: { name: profile.name },
          // Parsing drops what is not input: timestamps, the table's row data.
          body: computeProfileInputSchema.parse({ ...profile, published }),
        }),
      `${profile.name} is now ${published ? 'published' : 'unpublished'}`,
    );
    if (changed) {
      profiles.retry();
    }
  };

  return (
    <>
      <PagedTable
        state={profiles}
        title="Compute profiles"
        columns={profileColumns({
          onEdit: profile => setDialog({ kind: 'edit', profile }),
          onDelete: profile => setDialog({ kind: 'delete', profile }),
          onTogglePublished: togglePublished,
        })}
        emptyTitle="No compute profiles yet"
        emptyDescription="Users pick a compute profile when they request a tenant. Create the first one."
        action={
          <ActionButton
            label="Create profile"
            icon={<AddIcon />}
            onClick={() => setDialog({ kind: 'create' })}
          />
        }
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <ProfileFormDialog
          profile={dialog.kind === 'edit' ? dialog.profile : undefined}
          onClose={() => setDialog(undefined)}
          onSaved={profile =>
            done(
              `${dialog.kind === 'edit' ? 'Saved' : 'Created'} ${profile.name}`,
            )
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${dialog.profile.name}?`}
          confirmLabel="Delete"
          onConfirm={async () => {
            await api.deleteProfile({ path: { name: dialog.profile.name } });
            done(`Deleted ${dialog.profile.name}`);
          }}
          onClose={() => setDialog(undefined)}
        >
          <Typography>
            Users will no longer be able to pick {dialog.profile.displayName}.
            Profiles that tenants use cannot be deleted.
          </Typography>
        </ConfirmDialog>
      )}
    </>
  );
};
