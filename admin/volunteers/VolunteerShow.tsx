import {
  BooleanField,
  EmailField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { Chip } from '@mui/material';
import { MunicipalityName } from '../municipalities/MunicipalityName';
import { EnumArrayField } from '../fields/EnumArrayField';
import { EnumField } from '../fields/EnumField';
import { IdCheckExpiryField } from '../fields/IdCheckExpiryField';
import { LanguagesField } from '../fields/LanguagesField';
import { ShowSection, WIDE } from '../fields/Sections';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { AvailabilityTable } from './AvailabilityTable';
import { VolunteerAssignments } from './VolunteerAssignments';
import { VolunteerIdChecks } from './VolunteerIdChecks';
import { VolunteerShowActions } from './VolunteerShowActions';
import { ContactStoppedNotice } from '../privacy/ContactStop';

const VolunteerDetails = (_: { label: false }) => (
  <>
    <ShowSection title="resources.volunteers.sections.identity">
      <TextField source="volunteer_no" />
      <TextField source="name" />
      <TextField source="name_kana" />
      <EnumField source="status" enumName="volunteer_status" />
      <TextField source="phone" />
      <EmailField source="email" />
      <ReferenceField source="municipality_code" reference="municipalities" link={false} />
      <IdCheckExpiryField source="id_check_valid_until" />
      <BooleanField source="ofp_registered" />
    </ShowSection>
    <ShowSection title="resources.volunteers.sections.activity">
      <LanguagesField source="languages" />
      <NumberField source="monthly_limit" />
      <BooleanField source="in_person_ok" />
      <BooleanField source="online_ok" />
      <EnumArrayField source="task_types" enumName="task_type" sx={WIDE} />
      <ReferenceArrayField source="service_municipality_codes" reference="municipalities" sx={WIDE}>
        <SingleFieldList linkType={false}>
          <Chip size="small" label={<MunicipalityName />} sx={{ m: 0.25 }} />
        </SingleFieldList>
      </ReferenceArrayField>
      <AvailabilityTable source="availability" sx={WIDE} />
    </ShowSection>
    <ShowSection title="resources.volunteers.sections.notes">
      <TextField source="notes" sx={{ ...WIDE, whiteSpace: 'pre-wrap' }} />
      <TokyoDateTimeField source="created_at" />
      <TokyoDateTimeField source="updated_at" />
    </ShowSection>
  </>
);

const VolunteerShow = () => (
  <Show actions={<VolunteerShowActions />}>
    <ContactStoppedNotice />
    {/* label={false} on each tab's content: a tab wraps every child in <Labeled>, and a whole
        section needs no caption of its own. */}
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.volunteers.sections.details">
        <VolunteerDetails label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.volunteers.sections.id_checks" path="id-checks">
        <VolunteerIdChecks label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.volunteers.sections.assignments" path="assignments">
        <VolunteerAssignments label={false} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

export default VolunteerShow;
