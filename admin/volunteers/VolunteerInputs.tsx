import { BooleanInput, CheckboxGroupInput, NumberInput, SelectInput, TextInput, email, maxValue, minValue, required } from 'react-admin';
import { choicesFor } from '../choices';
import { DuplicateWarning } from '../fields/DuplicateWarning';
import { LanguagesInput } from '../fields/IsoInputs';
import { MunicipalityInput, ServiceMunicipalitiesInput } from '../fields/PlaceInputs';
import { FormSection, WIDE } from '../fields/Sections';
import { AvailabilityInput } from './AvailabilityInput';
import { ContactStopInputs } from '../privacy/ContactStop';

const VolunteerIdentityInputs = () => (
  <FormSection title="resources.volunteers.sections.identity">
    <TextInput source="name" validate={required()} />
    <TextInput source="name_kana" helperText="resources.volunteers.helpers.name_kana" />
    <TextInput source="phone" type="tel" />
    <TextInput source="email" type="email" validate={email()} />
    <MunicipalityInput source="municipality_code" />
    <SelectInput source="status" choices={choicesFor('volunteer_status')} validate={required()} />
    <BooleanInput source="ofp_registered" />
    <SelectInput
      source="gender"
      choices={choicesFor('gender')}
      emptyText="volunteers.gender_undeclared"
      helperText="volunteers.gender_hint"
    />
  </FormSection>
);

const VolunteerActivityInputs = () => (
  <FormSection title="resources.volunteers.sections.activity">
    <LanguagesInput source="languages" validate={required()} />
    <NumberInput source="monthly_limit" min={0} max={100} step={1} validate={[minValue(0), maxValue(100)]} />
    <BooleanInput source="in_person_ok" />
    <BooleanInput source="online_ok" />
    <CheckboxGroupInput source="task_types" choices={choicesFor('task_type')} sx={WIDE} />
    <ServiceMunicipalitiesInput source="service_municipality_codes" />
  </FormSection>
);

const VolunteerAvailabilityInputs = () => (
  <FormSection title="resources.volunteers.fields.availability">
    <AvailabilityInput />
  </FormSection>
);

export const VolunteerInputs = () => (
  <>
    <VolunteerIdentityInputs />
    <DuplicateWarning resource="volunteers" />
    <VolunteerActivityInputs />
    <VolunteerAvailabilityInputs />
    <FormSection title="resources.volunteers.sections.notes">
      <TextInput source="notes" multiline minRows={3} sx={WIDE} />
    </FormSection>
    <ContactStopInputs />
  </>
);
