import { AnonymiseButton } from '../fields/AnonymiseButton';

/** 匿名化 of a volunteer: their personal data go for good (server/volunteers/anonymise.ts). */
export const VolunteerAnonymiseButton = () => (
  <AnonymiseButton
    resource="volunteers"
    numberField="volunteer_no"
    messages="privacy.volunteer_anonymise"
    erased={['volunteer', 'records']}
    kept={['volunteer', 'records']}
  />
);
