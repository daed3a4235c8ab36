import { AutocompleteArrayInput, AutocompleteInput, ReferenceArrayInput, ReferenceInput, type InputProps } from 'react-admin';
import { useConsoleLocale } from './iso';

type Props = Pick<InputProps, 'source' | 'validate' | 'helperText'> & { alwaysOn?: boolean };

const BY_CODE = { field: 'id', order: 'ASC' } as const;

/** One municipality, found by typing part of its name (kanji, kana or English). */
export const MunicipalityInput = ({ source, validate, helperText }: Props) => {
  const locale = useConsoleLocale();
  return (
    <ReferenceInput source={source} reference="municipalities" sort={BY_CODE} perPage={100}>
      <AutocompleteInput optionText={locale === 'en' ? 'name_en' : 'name_ja'} validate={validate} helperText={helperText} />
    </ReferenceInput>
  );
};

/** Several municipalities, offered from the service area only. */
export const ServiceMunicipalitiesInput = ({ source, helperText }: Props) => {
  const locale = useConsoleLocale();
  return (
    <ReferenceArrayInput source={source} reference="municipalities" sort={BY_CODE} perPage={200} filter={{ in_service_area: true }}>
      <AutocompleteArrayInput optionText={locale === 'en' ? 'name_en' : 'name_ja'} helperText={helperText} />
    </ReferenceArrayInput>
  );
};

/** The autocomplete of a municipality reference, its options named in the console's language. */
export const MunicipalityAutocomplete = ({ filterToQuery }: { filterToQuery?: (q: string) => Record<string, unknown> }) => {
  const locale = useConsoleLocale();
  return <AutocompleteInput optionText={locale === 'en' ? 'name_en' : 'name_ja'} filterToQuery={filterToQuery} />;
};
