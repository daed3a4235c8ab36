import {
  AutocompleteInput,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  TextInput,
  email,
  required,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import type { Role } from '../../server/domain/enums';
import { canSeeField } from '../../server/domain/roles';
import { choicesFor } from '../choices';
import { Box } from '@mui/material';
import { DuplicateWarning } from '../fields/DuplicateWarning';
import { EligibilityRule } from '../fields/EligibilityRule';
import { CountryInput, LanguagesInput } from '../fields/IsoInputs';
import { MunicipalityInput } from '../fields/PlaceInputs';
import { FormSection, WIDE } from '../fields/Sections';
import { DateTimeInput } from '../fields/DateInputs';
import { ContactStopInputs } from '../privacy/ContactStop';

// Only the obvious checks live here; the server is the judge, and its field messages land
// beside these same inputs (both forms are pessimistic).

const ClientIdentityInputs = () => (
  <FormSection title="resources.clients.sections.identity">
    <TextInput source="name" validate={required()} />
    <TextInput source="name_kana" helperText="resources.clients.helpers.name_kana" />
    <CountryInput source="nationality" />
    <LanguagesInput source="languages" validate={required()} />
    <SelectInput source="japanese_level" choices={choicesFor('japanese_level')} />
  </FormSection>
);

const ClientContactInputs = () => (
  <FormSection title="resources.clients.sections.contact">
    <TextInput source="phone" type="tel" />
    <TextInput source="email" type="email" validate={email()} />
    <MunicipalityInput source="municipality_code" />
    <TextInput source="address" />
  </FormSection>
);

/** The member number or the referring partner, asked only when the eligibility needs it. */
const ClientEligibilityInputs = () => (
  <FormSection title="resources.clients.sections.eligibility">
    <SelectInput source="eligibility" choices={choicesFor('eligibility')} validate={required()} />
    <Box sx={WIDE}>
      <EligibilityRule />
    </Box>
    <FormDataConsumer<{ eligibility?: string }>>
      {({ formData }) =>
        formData.eligibility === 'ofp_member' ? (
          <TextInput source="ofp_member_no" validate={required()} />
        ) : formData.eligibility === 'partner_referral' ? (
          <ReferenceInput source="partner_id" reference="partners" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
        ) : null
      }
    </FormDataConsumer>
  </FormSection>
);

const ClientCareInputs = () => {
  const { permissions } = usePermissions<Role>();
  const record = useRecordContext();
  // Open only with the resident's consent to sensitive information; notes from before that
  // consent existed are shown but cannot change until it is recorded.
  const unlocked = !!record?.sensitive_consent_at;
  const helper = unlocked
    ? 'resources.clients.helpers.special_care_notes'
    : record?.special_care_reconfirm
      ? 'resources.clients.consents.reconfirm'
      : 'resources.clients.consents.locked';
  return (
    <FormSection title="resources.clients.sections.care">
      <DateTimeInput source="consent_at" helperText="resources.clients.helpers.consent_at" />
      {canSeeField(permissions, 'clients', 'special_care_notes') && (
        <TextInput source="special_care_notes" multiline minRows={2} helperText={helper} readOnly={!unlocked} sx={WIDE} />
      )}
      <TextInput source="notes" multiline minRows={3} sx={WIDE} />
    </FormSection>
  );
};

export const ClientInputs = () => (
  <>
    <ClientIdentityInputs />
    <DuplicateWarning resource="clients" />
    <ClientContactInputs />
    <ClientEligibilityInputs />
    <ClientCareInputs />
    <ContactStopInputs />
  </>
);
