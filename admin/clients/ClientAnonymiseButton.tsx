import { AnonymiseButton } from '../fields/AnonymiseButton';

/** 匿名化 of a resident: their personal data and the free text of their casework go for good. */
export const ClientAnonymiseButton = () => (
  <AnonymiseButton
    resource="clients"
    numberField="client_no"
    messages="casework.anonymise"
    erased={['client', 'requests', 'timeline', 'reports']}
    kept={['client', 'requests', 'records']}
  />
);
