import { FormHelperText } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { tokyoDate } from '../../server/domain/time';
import { closedPeriodText } from '../closed-dates/ClosedPeriodField';
import { useSettings } from '../providers/useSettings';

// 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days.
const weekdayName = (weekday: number, locale: string) =>
  new Date(Date.UTC(2024, 0, weekday)).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' });

/** The service days and hours in one line, so nobody offers a time the service does not keep. */
export const ServiceHoursHint = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: settings } = useSettings();
  if (!settings) return null;
  const today = tokyoDate(new Date());
  const closed = (settings.closed_dates ?? [])
    .filter((p) => p.every_year || p.to_date >= today)
    .map((p) => `${p.reason} (${closedPeriodText(p, translate)})`);
  const days = settings.service_weekdays.map((d) => weekdayName(d, locale)).join(locale === 'ja' ? '・' : ', ');
  return (
    <>
      <FormHelperText>
        {translate(settings.closed_on_public_holidays ? 'casework.time.hours_closed_on_holidays' : 'casework.time.hours', {
          days,
          start: settings.service_start,
          end: settings.service_end,
          max: settings.max_activity_minutes,
        })}
      </FormHelperText>
      {closed.length > 0 && <FormHelperText>{translate('closed_dates.hint', { periods: closed.join('、') })}</FormHelperText>}
    </>
  );
};
