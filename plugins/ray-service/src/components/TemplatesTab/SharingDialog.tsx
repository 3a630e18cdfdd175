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
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  TemplateVersion,
  templateSharingRequestSchema,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import {
  errorAtOrBelow,
  FormDialog,
  GroupRefsField,
  useFormSubmit,
} from '../shared';

/** Edits the groups a template version is shared with. */
export const SharingDialog = (props: {
  version: TemplateVersion;
  onClose: () => void;
  onSaved: (version: TemplateVersion) => void;
}) => {
  const { version, onClose, onSaved } = props;
  const api = useApi(rayServiceApiRef);
  const ref = templateVersionRef(version.name, version.version);
  const [sharedWith, setSharedWith] = useState(version.sharedWith);
  const form = useFormSubmit({
    schema: templateSharingRequestSchema,
    send: request =>
      api.setTemplateSharing({
        path: { name: version.name, version: version.version },
        body: request,
      }),
    onSuccess: onSaved,
  });
  return (
    <FormDialog
      title={`Share ${ref}`}
      submitLabel="Save"
      form={form}
      onSubmit={() => form.submit({ sharedWith })}
      onClose={onClose}
    >
      <Typography variant="body2" paragraph>
        Members of these groups can pick this version when it is published or
        deprecated. Sharing with a group includes all of its sub-groups, so
        sharing with <code>ml-teams</code> also shares with{' '}
        <code>ml-team-alpha</code> below it. With no groups, only admins see the
        version.
      </Typography>
      <GroupRefsField
        label="Shared with"
        value={sharedWith}
        onChange={setSharedWith}
        error={errorAtOrBelow(form.fieldErrors, 'sharedWith')}
        helperText="Group refs such as group:default/ml-teams or just ml-teams"
      />
    </FormDialog>
  );
};
