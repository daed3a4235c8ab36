import { SelectInput, useTranslate } from 'react-admin';

const DAYS = [30, 60, 90, 180];

/** "Expires within N days", for lists of volunteers and of ID checks. */
export const ExpiresWithinInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = DAYS.map((days) => ({ id: days, name: translate('people.within_days', { days }) }));
  return <SelectInput source={source} choices={choices} translateChoice={false} />;
};
