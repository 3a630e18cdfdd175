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
import { RayServiceApi, rayServiceApiRef } from '../../api';
import { reasonOf } from './errors';

/**
 * Runs a one-click change (publish, deprecate, …) and reports the outcome as
 * an alert: the success message, or the server's reason, e.g. a 409's.
 */
export function useAdminAction() {
  const api = useApi(rayServiceApiRef);
  const alertApi = useApi(alertApiRef);
  const [running, setRunning] = useState(false);

  /** Resolves to whether the change succeeded. */
  const run = async (
    action: (client: RayServiceApi) => Promise<unknown>,
    successMessage: string,
  ): Promise<boolean> => {
    setRunning(true);
    try {
      await action(api);
      alertApi.post({
        message: successMessage,
        severity: 'success',
        display: 'transient',
      });
      return true;
    } catch (error) {
      alertApi.post({ message: reasonOf(error), severity: 'error' });
      return false;
    } finally {
      setRunning(false);
    }
  };

  return { run, running };
}
