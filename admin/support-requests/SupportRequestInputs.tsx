import { MunicipalityAutocomplete } from '../fields/PlaceInputs';
import { Box } from '@mui/material';
import { useEffect } from 'react';
import { RadioButtonGroupInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { CASEWORK } from '../../server/domain/roles';
import { useFormContext, useWatch } from 'react-hook-form';
import { choicesFor } from '../choices';
import { FormSection, WIDE } from '../fields/Sections';
import { ClientInput } from './ClientInput';
import { LanguageInput } from './ClientDefaults';
import { ServiceTimeInput } from './ServiceTimeInput';
import { TaskWarningsHint } from './TaskWarnings';
import { TASKS_BY_CATEGORY, taskChoicesFor } from './tasks';

// The web form is the residents' channel; staff log the others.
const STAFF_CHANNELS = choicesFor('channel').filter((c) => c.id !== 'web_form');

const CategoryAndTask = () => {
  const category = useWatch({ name: 'category' });
  const taskType = useWatch({ name: 'task_type' });
  const { setValue } = useFormContext();
  // A task that does not belong to the newly chosen area is cleared rather than kept silently.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of area clears the task, not a change of task.
  useEffect(() => {
    if (category && taskType && !TASKS_BY_CATEGORY[category as keyof typeof TASKS_BY_CATEGORY]?.includes(taskType)) {
      setValue('task_type', null, { shouldDirty: true });
    }
    // Only a change of area should clear the task.
  }, [category]);
  return (
    <>
      <Box sx={WIDE}>
        <RadioButtonGroupInput source="category" choices={choicesFor('category')} validate={required()} />
      </Box>
      <SelectInput source="task_type" choices={taskChoicesFor(category, taskType)} validate={required()} />
    </>
  );
};

const municipalityQuery = (q: string) => ({ q });

/** Shared by create and edit, in the order of a phone call: who, what, where, when. */
export const SupportRequestInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 960 }}>
    <FormSection title="casework.requests.sections.who">
      <Box sx={WIDE}>
        <ClientInput isRequired={isCreate} />
      </Box>
      <Box sx={WIDE}>
        <RadioButtonGroupInput source="channel" choices={isCreate ? STAFF_CHANNELS : choicesFor('channel')} validate={required()} />
      </Box>
    </FormSection>
    <FormSection title="casework.requests.sections.what">
      <CategoryAndTask />
      <RadioButtonGroupInput source="mode" choices={choicesFor('mode')} validate={required()} />
      <LanguageInput />
      <SelectInput
        source="preferred_volunteer_gender"
        choices={choicesFor('preferred_gender')}
        emptyText="casework.requests.no_gender_preference"
        helperText="casework.requests.gender_preference_hint"
      />
      <TextInput source="description" multiline minRows={3} sx={WIDE} />
    </FormSection>
    <FormSection title="casework.requests.sections.where">
      <ReferenceInput
        source="municipality_code"
        reference="municipalities"
        sort={{ field: 'code', order: 'ASC' }}
        filter={{ in_service_area: true }}
      >
        <MunicipalityAutocomplete filterToQuery={municipalityQuery} />
      </ReferenceInput>
      <TextInput source="place" />
    </FormSection>
    <FormSection title="casework.requests.sections.when">
      <Box sx={WIDE}>
        <ServiceTimeInput />
        <TaskWarningsHint />
      </Box>
    </FormSection>
    <FormSection title="casework.requests.sections.staff">
      <ReferenceInput
        source="coordinator_id"
        reference="staff"
        filter={{ role: CASEWORK, active: true }}
        sort={{ field: 'name_kana', order: 'ASC' }}
      >
        <SelectInput optionText="display_name" />
      </ReferenceInput>
    </FormSection>
  </Box>
);
