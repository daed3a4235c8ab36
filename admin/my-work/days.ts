import { TIME_ZONE } from '../format';

/** The first instant of a Japan calendar day, `offset` days from today, as an ISO time with +09:00. */
export const tokyoDayStart = (offset: number, now = new Date()): string => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return `${day.toISOString().slice(0, 10)}T00:00:00+09:00`;
};
