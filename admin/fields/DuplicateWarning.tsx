import { Alert, AlertTitle, Chip, Link, List, ListItem } from '@mui/material';
import { useEffect, useState } from 'react';
import { FormDataConsumer, useRecordContext, useTranslate } from 'react-admin';
import { phoneDigits } from '../../server/domain/search';
import { getJson } from '../providers/api';

type PeopleResource = 'clients' | 'volunteers';
type MatchKind = 'phone' | 'email' | 'name' | 'kana';
type Person = { name?: string | null; name_kana?: string | null; phone?: string | null; email?: string | null };
type Duplicate = Required<Person> & { id: number; archived_at: string | null; match: MatchKind[] } & Record<string, unknown>;

const NUMBER_FIELD: Record<PeopleResource, string> = { clients: 'client_no', volunteers: 'volunteer_no' };
const TYPING_PAUSE_MS = 500;

/** The query the duplicates endpoint can act on, or null while there is nothing worth asking. */
const lookupQuery = (person: Person, excludeId: unknown): URLSearchParams | null => {
  const query = new URLSearchParams();
  const name = person.name?.trim();
  const kana = person.name_kana?.trim();
  const email = person.email?.trim();
  const phone = person.phone?.trim();
  if (phone && phoneDigits(phone).length >= 6) query.set('phone', phone);
  if (email?.includes('@')) query.set('email', email);
  // Each alone is enough: the same name in another word order, or the same reading.
  if (name) query.set('name', name);
  if (kana) query.set('name_kana', kana);
  if ([...query.keys()].length === 0) return null;
  if (typeof excludeId === 'number') query.set('exclude_id', String(excludeId));
  return query;
};

const useDuplicates = (resource: PeopleResource, person: Person): Duplicate[] => {
  const record = useRecordContext();
  const [found, setFound] = useState<Duplicate[]>([]);
  const query = lookupQuery(person, record?.id)?.toString() ?? '';
  useEffect(() => {
    if (!query) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      getJson<Duplicate[]>(`/${resource}/duplicates?${query}`).then(
        (duplicates) => live && setFound(duplicates),
        // A failed check is no reason to stop someone saving; the warning just stays away.
        () => live && setFound([]),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [resource, query]);
  return found;
};

const DuplicateList = ({ resource, person }: { resource: PeopleResource; person: Person }) => {
  const translate = useTranslate();
  const duplicates = useDuplicates(resource, person);
  if (duplicates.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ my: 1, width: '100%', maxWidth: 720 }} role="alert">
      <AlertTitle>{translate('people.duplicates.title')}</AlertTitle>
      {translate('people.duplicates.hint')}
      <List dense disablePadding>
        {duplicates.map((d) => (
          <ListItem key={d.id} disableGutters sx={{ gap: 1, flexWrap: 'wrap' }}>
            {/* A new tab keeps what has been typed in this form. */}
            <Link href={`#/${resource}/${d.id}/show`} target="_blank" rel="noopener">
              {`${String(d[NUMBER_FIELD[resource]] ?? '')} ${d.name}${d.name_kana ? `（${d.name_kana}）` : ''}`}
            </Link>
            {d.match.map((m) => (
              <Chip key={m} size="small" label={translate(`people.duplicates.match.${m}`)} />
            ))}
            {d.archived_at && <Chip size="small" variant="outlined" label={translate('people.archived')} />}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

/** Likely duplicates of the person being typed in, shown while typing and before saving. */
export const DuplicateWarning = ({ resource }: { resource: PeopleResource }) => (
  <FormDataConsumer<Person>>{({ formData }) => <DuplicateList resource={resource} person={formData} />}</FormDataConsumer>
);
