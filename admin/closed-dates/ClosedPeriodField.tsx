import { useRecordContext, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';

const monthDay = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

/** 2026/12/29〜2027/01/03, or 「毎年 12/29〜1/3」 for a period that repeats every year. */
export const closedPeriodText = (
  p: { from_date: string; to_date: string; every_year?: boolean },
  translate: ReturnType<typeof useTranslate>,
): string =>
  p.every_year
    ? translate('closed_dates.yearly', { from: monthDay(p.from_date), to: monthDay(p.to_date) })
    : p.from_date === p.to_date
      ? formatTokyo(p.from_date, false)
      : `${formatTokyo(p.from_date, false)}〜${formatTokyo(p.to_date, false)}`;

export const ClosedPeriodField = (_props: { label?: string }) => {
  const record = useRecordContext<{ id: number; from_date: string; to_date: string; every_year: boolean }>();
  const translate = useTranslate();
  return record ? <span>{closedPeriodText(record, translate)}</span> : null;
};
