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

import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';

/** An icon button of a table row, named by its tooltip. */
export const RowAction = (props: {
  label: string;
  icon: JSX.Element;
  onClick: () => void;
  disabled?: boolean;
}) => (
  <Tooltip title={props.label}>
    {/* The span keeps the tooltip working on a disabled button. */}
    <span>
      <IconButton
        size="small"
        aria-label={props.label}
        onClick={props.onClick}
        disabled={props.disabled}
      >
        {props.icon}
      </IconButton>
    </span>
  </Tooltip>
);
