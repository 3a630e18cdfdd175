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

import { ComponentType, ReactElement, ReactNode, useState } from 'react';
import { TableColumn } from '@backstage/core-components';
import {
  ListResponse,
  WorkloadCondition,
  WorkloadPhase,
} from '@ray-service/plugin-ray-service-common';
import { RayServiceApi } from '../../api';
import { PolledState, usePolledData } from '../../hooks/usePolledData';
import { ActionButton } from '../shared';
import { useConfirmedAction } from './useConfirmedAction';
import { WorkloadPermissions } from './useTenantPermissions';
import { WorkloadDialogProps } from './useWorkloadForm';
import { isWorkloadChanging } from './workloadDisplay';
import { WorkloadTable } from './WorkloadTable';
import { ageOf, WorkloadStatus } from './WorkloadStatus';

interface Workload {
  name: string;
  phase: WorkloadPhase;
  conditions: WorkloadCondition[];
  createdAt?: string;
}

/** What the Ray tab gives each workload card. */
export interface WorkloadCardProps {
  tenant: string;
  permissions: WorkloadPermissions;
}

/**
 * The tenant's workloads of one kind, polled often while any is changing,
 * and the confirmed actions on them, which reload the list.
 */
export function useTenantWorkloads<T extends Workload>(
  tenant: string,
  list: (
    api: RayServiceApi,
    request: { path: { tenant: string }; query: { limit: number } },
  ) => Promise<ListResponse<T>>,
) {
  const state = usePolledData(
    api => list(api, { path: { tenant }, query: { limit: 500 } }),
    [tenant],
    { changing: page => page.items.some(isWorkloadChanging) },
  );
  const confirmed = useConfirmedAction(state.retry);
  return { state, confirmed };
}

/**
 * A {@link WorkloadTable} of RayClusters, RayJobs or RayServices: each
 * workload's name and status (with `detail`, if any), then `columns`, its age
 * and its `actions`. The create button, when given, opens the `create`
 * dialog, which closes and reloads the list when done.
 */
export function TenantWorkloadsTable<T extends Workload>(props: {
  title: string;
  tenant: string;
  state: PolledState<ListResponse<T>>;
  detail?: (workload: T) => string | undefined;
  columns: TableColumn<T>[];
  actions: (workload: T) => ReactNode;
  emptyTitle: string;
  emptyDescription: string;
  create?: {
    label: string;
    icon: ReactElement;
    dialog: ComponentType<WorkloadDialogProps>;
  };
  /** Dialogs of the rows' actions. */
  children?: ReactNode;
}) {
  const { tenant, state, detail, create } = props;
  const [creating, setCreating] = useState(false);
  return (
    <WorkloadTable
      title={props.title}
      state={state}
      columns={[
        { title: 'Name', field: 'name', highlight: true },
        {
          title: 'Status',
          field: 'phase',
          render: workload => (
            <WorkloadStatus workload={workload} detail={detail?.(workload)} />
          ),
        },
        ...props.columns,
        { title: 'Age', field: 'createdAt', render: ageOf },
        { title: 'Actions', sorting: false, render: props.actions },
      ]}
      emptyTitle={props.emptyTitle}
      emptyDescription={props.emptyDescription}
      action={
        create && (
          <ActionButton
            label={create.label}
            icon={create.icon}
            onClick={() => setCreating(true)}
          />
        )
      }
    >
      {create && creating && (
        <create.dialog
          tenant={tenant}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            state.retry();
          }}
        />
      )}
      {props.children}
    </WorkloadTable>
  );
}
