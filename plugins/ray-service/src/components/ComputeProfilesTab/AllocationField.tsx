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

import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import {
  ISOLATION_MODES,
  MAX_PAGE_LIMIT,
  templateVersionRef,
  Weekday,
  WEEKDAYS,
} from '@ray-service/plugin-ray-service-common';
import { useRayServiceData } from '../../hooks/useRayServiceData';
import {
  errorAtOrBelow,
  errorsAt,
  fieldBinder,
  FieldErrors,
  IsolationInput,
  ListEditor,
  SelectInput,
  TextInput,
} from '../shared';
import { AllocationDraft, newWindow, WindowDraft } from './profileForm';

const DaysField = (props: {
  days: Weekday[];
  onChange: (days: Weekday[]) => void;
  error?: string;
}) => {
  const { days, onChange, error } = props;
  const toggle = (day: Weekday, checked: boolean) =>
    onChange(
      checked
        ? WEEKDAYS.filter(d => d === day || days.includes(d))
        : days.filter(d => d !== day),
    );
  return (
    <Box>
      <FormGroup row>
        {WEEKDAYS.map(day => (
          <FormControlLabel
            key={day}
            label={day}
            control={
              <Checkbox
                size="small"
                checked={days.includes(day)}
                onChange={event => toggle(day, event.target.checked)}
              />
            }
          />
        ))}
      </FormGroup>
      {error && <FormHelperText error>{error}</FormHelperText>}
    </Box>
  );
};

const WindowRow = (props: {
  window: WindowDraft;
  onChange: (window: WindowDraft) => void;
  errors: FieldErrors;
}) => {
  const { window, onChange, errors } = props;
  const set = (change: Partial<WindowDraft>) =>
    onChange({ ...window, ...change });
  const field = fieldBinder(window, set, errors);
  return (
    <>
      <DaysField
        days={window.days}
        onChange={days => set({ days })}
        error={errorAtOrBelow(errors, 'days')}
      />
      <Box display="flex" gridGap={8}>
        <TextInput label="From" {...field('from')} placeholder="HH:MM" />
        <TextInput
          label="To"
          {...field('to')}
          placeholder="HH:MM"
          hint="24:00 is midnight"
        />
        <TextInput
          label="Window capacity"
          type="number"
          {...field('desiredCapacity')}
        />
      </Box>
    </>
  );
};

/** What the pool's tenants run: a published version and an isolation. */
const PoolTemplateFields = (props: {
  value: AllocationDraft;
  set: (change: Partial<AllocationDraft>) => void;
  errors: FieldErrors;
}) => {
  const { value, set, errors } = props;
  const versions = useRayServiceData(api =>
    api
      .listTemplateVersions({ query: { limit: MAX_PAGE_LIMIT } })
      .then(page => page.items.filter(v => v.state === 'published')),
  );
  const refs = (versions.value ?? []).map(v =>
    templateVersionRef(v.name, v.version),
  );
  if (value.templateVersion && !refs.includes(value.templateVersion)) {
    refs.unshift(value.templateVersion);
  }
  return (
    <Box display="flex" gridGap={8}>
      <SelectInput
        label="Pool template version"
        value={value.templateVersion}
        onChange={templateVersion => set({ templateVersion })}
        options={[{ value: '', label: 'None: the pool stays empty' }, ...refs]}
        error={errors.templateVersion}
        hint="Creates asking for this version take a ready tenant"
      />
      <IsolationInput
        label="Pool isolation"
        value={value.isolation}
        onChange={isolation => set({ isolation })}
        modes={ISOLATION_MODES}
        noneLabel="The version's first mode"
        error={errors.isolation}
      />
    </Box>
  );
};

const WarmPoolFields = (props: {
  value: AllocationDraft;
  onChange: (value: AllocationDraft) => void;
  errors: FieldErrors;
}) => {
  const { value, onChange, errors } = props;
  const set = (change: Partial<AllocationDraft>) =>
    onChange({ ...value, ...change });
  const field = fieldBinder(value, set, errors);
  return (
    <>
      <Box display="flex" gridGap={8}>
        <TextInput
          label="Desired capacity"
          type="number"
          {...field('desiredCapacity')}
          hint="Ready clusters outside the windows"
        />
        <TextInput
          label="Time zone"
          {...field('timezone')}
          hint="An IANA name, e.g. Europe/Berlin"
        />
      </Box>
      <PoolTemplateFields value={value} set={set} errors={errors} />
      <Typography variant="subtitle2">Windows</Typography>
      <Typography variant="body2" color="textSecondary">
        Wall-clock times in the time zone above, from inclusive, to exclusive. A
        window ending before it starts runs overnight. The first window covering
        a moment sets the capacity.
      </Typography>
      <ListEditor
        itemName="window"
        items={value.windows}
        onChange={windows => set({ windows })}
        newItem={newWindow}
        renderItem={(window, update, index) => (
          <WindowRow
            window={window}
            onChange={update}
            errors={errorsAt(errors, `windows.${index}`)}
          />
        )}
      />
    </>
  );
};

/**
 * On demand, or a warm pool of ready clusters whose size changes over the
 * week. `errors` are relative to `allocation`.
 */
export const AllocationField = (props: {
  value: AllocationDraft;
  onChange: (value: AllocationDraft) => void;
  errors: FieldErrors;
}) => {
  const { value, onChange, errors } = props;
  return (
    <>
      <Typography variant="subtitle1" id="allocation-label">
        Allocation
      </Typography>
      <RadioGroup
        row
        aria-labelledby="allocation-label"
        value={value.strategy}
        onChange={event =>
          onChange({
            ...value,
            strategy: event.target.value as AllocationDraft['strategy'],
          })
        }
      >
        <FormControlLabel
          value="onDemand"
          control={<Radio />}
          label="On demand"
        />
        <FormControlLabel
          value="warmPool"
          control={<Radio />}
          label="Warm pool"
        />
      </RadioGroup>
      {value.strategy === 'warmPool' && (
        <WarmPoolFields value={value} onChange={onChange} errors={errors} />
      )}
    </>
  );
};
