import { useRecordContext } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';

/** A municipality by its name in the console's language: 目黒区 or Meguro. */
export const MunicipalityName = () => {
  const record = useRecordContext<{ id: string; name_ja: string; name_en?: string }>();
  const locale = useConsoleLocale();
  if (!record) return null;
  return <>{locale === 'en' ? (record.name_en ?? record.name_ja) : record.name_ja}</>;
};
