import { AutocompleteArrayInput, AutocompleteInput, type InputProps } from 'react-admin';
import { useCountryChoices, useLanguageChoices } from './iso';

type Props = Pick<InputProps, 'source' | 'validate' | 'helperText'> & { alwaysOn?: boolean };

// Autocompletes rather than selects: with ~180 languages and ~250 countries, typing
// 「ベト」 beats scrolling. The stored value stays the ISO code.

export const CountryInput = ({ source, validate, helperText }: Props) => (
  <AutocompleteInput source={source} choices={useCountryChoices()} validate={validate} helperText={helperText} />
);

export const LanguageInput = ({ source, validate, helperText }: Props) => (
  <AutocompleteInput source={source} choices={useLanguageChoices()} validate={validate} helperText={helperText} />
);

export const LanguagesInput = ({ source, validate, helperText }: Props) => (
  <AutocompleteArrayInput source={source} choices={useLanguageChoices()} validate={validate} helperText={helperText} />
);
