import { EmailField, ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { CountryField } from '../fields/CountryField';
import { EnumField } from '../fields/EnumField';
import { LanguagesField } from '../fields/LanguagesField';
import { ShowSection, WIDE } from '../fields/Sections';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { AnonymisedNotice } from './AnonymisedNotice';
import { ArchivedNotice } from './ArchivedNotice';
import { ClientConsents } from './ClientConsents';
import { ClientRequests } from './ClientRequests';
import { ClientShowActions } from './ClientShowActions';
import { ContactStoppedNotice } from '../privacy/ContactStop';
import { SpecialCareNotes } from './SpecialCareNotes';

// The special-care notes come first: whoever contacts the resident must read them before anything else.
const ClientDetails = (_: { label: false }) => (
  <>
    <SpecialCareNotes />
    <ShowSection title="resources.clients.sections.identity">
      <TextField source="client_no" />
      <TextField source="name" />
      <TextField source="name_kana" />
      <CountryField source="nationality" />
      <LanguagesField source="languages" />
      <EnumField source="japanese_level" enumName="japanese_level" />
    </ShowSection>
    <ShowSection title="resources.clients.sections.contact">
      <TextField source="phone" />
      <EmailField source="email" />
      <ReferenceField source="municipality_code" reference="municipalities" link={false} />
      <TextField source="address" />
    </ShowSection>
    <ShowSection title="resources.clients.sections.eligibility">
      <EnumField source="eligibility" enumName="eligibility" />
      <TextField source="ofp_member_no" />
      <ReferenceField source="partner_id" reference="partners" />
    </ShowSection>
    <ShowSection title="resources.clients.sections.care">
      <TokyoDateTimeField source="consent_at" />
      <TokyoDateTimeField source="sensitive_consent_at" />
      <TextField source="notes" sx={{ ...WIDE, whiteSpace: 'pre-wrap' }} />
      <TokyoDateTimeField source="created_at" />
      <TokyoDateTimeField source="updated_at" />
    </ShowSection>
    <ClientConsents />
  </>
);

const ClientShow = () => (
  <Show actions={<ClientShowActions />}>
    <AnonymisedNotice />
    <ArchivedNotice />
    <ContactStoppedNotice />
    {/* label={false} on each tab's content: a tab wraps every child in <Labeled>, and a whole
        section needs no caption of its own. */}
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.clients.sections.details">
        <ClientDetails label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.clients.sections.requests" path="requests">
        <ClientRequests label={false} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

export default ClientShow;
