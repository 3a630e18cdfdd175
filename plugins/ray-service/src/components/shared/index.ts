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

export { AsyncContent } from './AsyncContent';
export type { LoadState } from './AsyncContent';
export { ChipsField } from './ChipsField';
export { ConfirmDialog } from './ConfirmDialog';
export { errorAtOrBelow, errorsAt, reasonOf } from './errors';
export type { FieldErrors } from './errors';
export { Expandable } from './Expandable';
export { FormDialog } from './FormDialog';
export { GroupRefField, GroupRefsField } from './GroupRefsField';
export { LabeledValue } from './LabeledValue';
export { LoadMoreButton } from './LoadMoreButton';
export { ActionButton, PagedTable } from './PagedTable';
export { RowAction } from './RowAction';
export { StatusLabel } from './StatusLabel';
export type { StatusKind } from './StatusLabel';
export { useAdminAction } from './useAdminAction';
export { useFormSubmit } from './useFormSubmit';
export { fieldBinder, IsolationInput, SelectInput, TextInput } from './fields';
export type { SelectOption } from './fields';
export { ListContent } from './ListContent';
export { ListEditor } from './ListEditor';
export { YamlSnippet } from './YamlSnippet';
export { ViewDialog } from './ViewDialog';
