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

import { ChangeEvent, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import {
  TemplateVersion,
  TemplateVersionDocument,
  templateVersionFromDocument,
  templateVersionRef,
} from '@ray-service/plugin-ray-service-common';
import { rayServiceApiRef } from '../../api';
import { FormDialog, TextInput, useFormSubmit } from '../shared';
import { checkTemplateDocument } from './checkTemplateDocument';

const PLACEHOLDER = `apiVersion: ray-service.io/v1alpha1
kind: TenantTemplateVersion
metadata:
  name: kuberay
  version: 1.2.0
spec:
  kuberayVersion: 1.5.1
  ...`;

const Problems = ({
  title,
  problems,
}: {
  title: string;
  problems: string[];
}) => (
  <Alert severity="error" role="alert">
    <Typography variant="body2">{title}</Typography>
    <ul>
      {problems.map(problem => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  </Alert>
);

// FileReader rather than Blob.text(), which older browsers and jsdom lack.
function readAsText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

function describeImport(document: TemplateVersionDocument): string {
  const version = templateVersionFromDocument(document);
  return `${templateVersionRef(
    version.name,
    version.version,
  )} will be imported as ${version.state}.`;
}

/** Imports a template version from a YAML or JSON document. */
export const ImportTemplateDialog = (props: {
  onClose: () => void;
  onImported: (version: TemplateVersion) => void;
}) => {
  const api = useApi(rayServiceApiRef);
  const [text, setText] = useState('');
  const check = checkTemplateDocument(text);
  // The document is checked as it is typed, so it is sent as it is.
  const form = useFormSubmit({
    send: (document: string) => api.importTemplateVersion({ body: document }),
    onSuccess: props.onImported,
  });
  const serverProblems = Object.entries(form.fieldErrors).map(
    ([field, message]) => `${field}: ${message}`,
  );

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      setText(await readAsText(file));
    }
  };

  return (
    <FormDialog
      maxWidth="md"
      title="Import a template version"
      submitLabel="Import"
      form={{
        submitting: form.submitting,
        formError: serverProblems.length ? undefined : form.formError,
      }}
      submitDisabled={check.status !== 'valid'}
      onSubmit={() => form.send(text)}
      onClose={props.onClose}
    >
      <Box display="flex" alignItems="center" gridGap={8}>
        <Button variant="outlined" component="label">
          Upload a file
          <input
            type="file"
            accept=".yaml,.yml,.json"
            hidden
            aria-label="Template document file"
            onChange={upload}
          />
        </Button>
        <Typography variant="body2" color="textSecondary">
          or paste the document below.
        </Typography>
      </Box>
      <TextInput
        label="Document"
        value={text}
        onChange={setText}
        multiline
        minRows={10}
        fullWidth
        placeholder={PLACEHOLDER}
        style={{ fontFamily: 'monospace' }}
      />
      {check.status === 'invalid' && (
        <Problems
          title="The document is not valid:"
          problems={check.problems}
        />
      )}
      {check.status === 'valid' && (
        <Alert severity="success">{describeImport(check.document)}</Alert>
      )}
      {serverProblems.length > 0 && (
        <Problems
          title="The server refused the document:"
          problems={serverProblems}
        />
      )}
    </FormDialog>
  );
};
