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

import { ReactNode, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import DeleteIcon from '@material-ui/icons/Delete';
import { RayServiceApi, rayServiceApiRef } from '../../api';
import { ConfirmDialog, RowAction } from '../shared';

/** An action that asks first: what the dialog says and what it does. */
export interface ConfirmedAction {
  title: string;
  confirmLabel: string;
  body: ReactNode;
  run: (api: RayServiceApi) => Promise<unknown>;
  /** The alert after it succeeded. */
  done: string;
}

/**
 * Asks before an action (scale to zero, stop, delete, …) in a dialog that
 * shows the server's reason when it fails; on success it closes, posts
 * `done` and calls `onDone` (to reload the list).
 */
export function useConfirmedAction(onDone: () => void) {
  const api = useApi(rayServiceApiRef);
  const alertApi = useApi(alertApiRef);
  const [action, setAction] = useState<ConfirmedAction>();
  const dialog = action && (
    <ConfirmDialog
      title={action.title}
      confirmLabel={action.confirmLabel}
      onClose={() => setAction(undefined)}
      onConfirm={async () => {
        await action.run(api);
        setAction(undefined);
        alertApi.post({
          message: action.done,
          severity: 'success',
          display: 'transient',
        });
        onDone();
      }}
    >
      {action.body}
    </ConfirmDialog>
  );
  return { confirm: setAction, dialog };
}

/**
 * A row's action that asks first: `verb` Stop and `name` train-2 make the
 * button "Stop train-2", which asks "Stop train-2?" with the button Stop.
 */
export function ConfirmedRowAction(
  props: Omit<ConfirmedAction, 'title' | 'confirmLabel'> & {
    verb: string;
    name: string;
    icon: JSX.Element;
    confirm: (action: ConfirmedAction) => void;
  },
) {
  const { verb, name, icon, confirm, ...action } = props;
  return (
    <RowAction
      label={`${verb} ${name}`}
      icon={icon}
      onClick={() =>
        confirm({ ...action, title: `${verb} ${name}?`, confirmLabel: verb })
      }
    />
  );
}

/** Deletes the workload `name` after asking; "… is being deleted" when done. */
export function DeleteRowAction(
  props: Pick<ConfirmedAction, 'body' | 'run'> & {
    name: string;
    confirm: (action: ConfirmedAction) => void;
  },
) {
  return (
    <ConfirmedRowAction
      {...props}
      verb="Delete"
      icon={<DeleteIcon />}
      done={`${props.name} is being deleted`}
    />
  );
}
