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

import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import {
  checkTransition,
  TEMPLATE_VERSION_ACTIONS,
  TemplateVersion,
  TemplateVersionAction,
} from '@ray-service/plugin-ray-service-common';

const LABELS: Record<TemplateVersionAction, string> = {
  publish: 'Publish',
  deprecate: 'Deprecate',
  retire: 'Retire',
};

/**
 * A lifecycle action of a version, disabled with the reason as its tooltip
 * when the lifecycle forbids it.
 */
export const TransitionButton = (props: {
  version: TemplateVersion;
  action: TemplateVersionAction;
  disabled: boolean;
  onClick: () => void;
}) => {
  const { version, action, disabled, onClick } = props;
  // Only the server knows how many tenants use the version, so retiring a
  // used one passes here and is refused there with a 409.
  const check = checkTransition(
    version.state,
    TEMPLATE_VERSION_ACTIONS[action],
    {
      tenantsUsingVersion: 0,
    },
  );
  const button = (
    <Button
      size="small"
      disabled={disabled || !check.allowed}
      onClick={onClick}
      aria-label={`${LABELS[action]} ${version.name}@${version.version}`}
    >
      {LABELS[action]}
    </Button>
  );
  if (check.allowed) {
    return button;
  }
  // A disabled button fires no events; the span shows the tooltip instead.
  return (
    <Tooltip title={check.reason}>
      <span>{button}</span>
    </Tooltip>
  );
};
