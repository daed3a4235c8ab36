import { AutocompleteArrayInput, AutocompleteInput, type InputProps } from 'react-admin';
import { COUNTRY_ALIASES, LANGUAGE_ALIASES, aliasKey } from '../../server/domain/iso-aliases';
import { useCountryChoices, useLanguageChoices } from './iso';

type Props = Pick<InputProps, 'source' | 'validate' | 'helperText'> & { alwaysOn?: boolean };

// Autocompletes rather than selects: with ~180 languages and ~250 countries, typing
// 「ベト」 beats scrolling. The stored value stays the ISO code.

/** Also the names staff type (タガログ語, 香港, Turkey), from our alias tables, besides the shown name. */
const byNameOrAlias = (aliases: Record<string, string>) => {
  const byCode = new Map<string, string[]>();
  for (const [alias, code] of Object.entries(aliases)) byCode.set(code, [...(byCode.get(code) ?? []), aliasKey(alias)]);
  return (filter: string, choice: { id: string; name: string }) => {
    const typed = aliasKey(filter);
    return !typed || aliasKey(choice.name).includes(typed) || !!byCode.get(choice.id)?.some((a) => a.includes(typed));
  };
};
const matchCountry = byNameOrAlias(COUNTRY_ALIASES);
const matchLanguage = byNameOrAlias(LANGUAGE_ALIASES);

export const CountryInput = ({ source, validate, helperText }: Props) => (
  <AutocompleteInput
    source={source}
    choices={useCountryChoices()}
    validate={validate}
    helperText={helperText}
    matchSuggestion={matchCountry}
  />
);

export const LanguageInput = ({ source, validate, helperText }: Props) => (
  <AutocompleteInput
    source={source}
    choices={useLanguageChoices()}
    validate={validate}
    helperText={helperText}
    matchSuggestion={matchLanguage}
  />
);

export const LanguagesInput = ({ source, validate, helperText }: Props) => (
  <AutocompleteArrayInput
    source={source}
    choices={useLanguageChoices()}
    validate={validate}
    helperText={helperText}
    matchSuggestion={matchLanguage}
  />
);
