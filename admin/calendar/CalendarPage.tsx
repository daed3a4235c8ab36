import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import jaLocale from '@fullcalendar/react/locales/ja';
import { useQuery } from '@tanstack/react-query';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { Autocomplete, Box, Card, CardContent, LinearProgress, MenuItem, Stack, TextField } from '@mui/material';
import { LANGUAGE_CODES, languageName } from '../../server/domain/iso';
import { useState } from 'react';
import { Title, useGetList, useLocale, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router';
import { tokyoDate } from '../../server/domain/time';
import { getJson } from '../providers/api';
import { CalendarFeed } from './CalendarFeed';

type CalendarEvent = { id: number; request_id: number; title: string; start: string; end: string };

const ALL = { page: 1, perPage: 200 };

const VIEWS = { month: 'dayGridMonth', week: 'timeGridWeek' } as const;
type ViewName = keyof typeof VIEWS;
const viewName = (type: string): ViewName => (type === VIEWS.week ? 'week' : 'month');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** カレンダー: confirmed activities by month or week, filtered by coordinator, ward and language. */
const CalendarPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const navigate = useNavigate();
  // The shown month or week and the filters live in the address (#/calendar?view=week&date=…),
  // so they survive a change of language (the console redraws every page then) and the back
  // button from a request opened here returns to the same week.
  const [params, setParams] = useSearchParams();
  /** Sets (or, empty, removes) these keys of the address, in place of the current entry. */
  const setParam = (values: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(values)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const coordinator = params.get('coordinator_id') ?? '';
  const ward = params.get('municipality_code') ?? '';
  const language = params.get('language') ?? '';
  const shownView = VIEWS[params.get('view') === 'week' ? 'week' : 'month'];
  const shownDate = DATE.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const { data: staff } = useGetList('staff', { pagination: ALL, sort: { field: 'display_name', order: 'ASC' } });
  const { data: wards } = useGetList('municipalities', { pagination: ALL, filter: { in_service_area: true } });
  const [range, setRange] = useState<{ start: string; end: string } | null>(null);
  const q = new URLSearchParams(range ?? {});
  if (coordinator) q.set('coordinator_id', coordinator);
  if (ward) q.set('municipality_code', ward);
  if (language.trim()) q.set('language', language.trim().toLowerCase());
  const { data: rows, isFetching } = useQuery({
    queryKey: ['calendar-events', q.toString()],
    queryFn: () => getJson<CalendarEvent[]>(`/calendar/events?${q}`),
    enabled: !!range,
  });
  const events = (rows ?? []).map((r) => ({
    id: String(r.id),
    title: r.title,
    start: r.start,
    end: r.end,
    extendedProps: { request_id: r.request_id },
  }));
  return (
    <Box sx={{ p: 2 }}>
      <Title title="calendar.title" />
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('calendar.coordinator')}
          value={coordinator}
          onChange={(e) => setParam({ coordinator_id: e.target.value })}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{translate('calendar.all')}</MenuItem>
          {staff?.map((s) => (
            <MenuItem key={s.id} value={String(s.id)}>
              {s.display_name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={translate('calendar.ward')}
          value={ward}
          onChange={(e) => setParam({ municipality_code: e.target.value })}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{translate('calendar.all')}</MenuItem>
          {wards?.map((m) => (
            <MenuItem key={m.id} value={String(m.code ?? m.id)}>
              {locale === 'ja' ? m.name_ja : (m.name_en ?? m.name_ja)}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          size="small"
          options={LANGUAGE_CODES}
          value={language || null}
          onChange={(_e, code) => setParam({ language: code ?? '' })}
          getOptionLabel={(code) => languageName(code, locale === 'ja' ? 'ja' : 'en')}
          renderInput={(params) => <TextField {...params} label={translate('calendar.language')} />}
          sx={{ minWidth: 220 }}
        />
      </Stack>
      <Card variant="outlined">
        {/* The shown dates' activities are on their way; the bar's room is kept so nothing moves. */}
        <Box sx={{ height: 4 }}>{isFetching && <LinearProgress />}</Box>
        {/* data-events-for: the first shown date whose activities are drawn (empty while they load). */}
        <CardContent data-testid="calendar" aria-busy={isFetching} data-events-for={!isFetching && rows && range ? range.start : ''}>
          <FullCalendar
            plugins={[dayGridPlugin, timeGridPlugin, classicThemePlugin]}
            initialView={shownView}
            initialDate={shownDate}
            headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek' }}
            locales={[jaLocale]}
            locale={locale === 'ja' ? 'ja' : 'en'}
            timeZone="Asia/Tokyo"
            firstDay={1}
            slotMinTime="08:00:00"
            slotMaxTime="19:00:00"
            events={events}
            datesSet={(info: { start: Date; end: Date; view: { type: string; currentStart: Date } }) => {
              const next = { start: info.start.toISOString(), end: info.end.toISOString() };
              setRange((prev) => (prev?.start === next.start && prev?.end === next.end ? prev : next));
              const view = viewName(info.view.type);
              const date = tokyoDate(info.view.currentStart);
              if (params.get('view') !== view || params.get('date') !== date) setParam({ view, date });
            }}
            eventClick={(info: { event: { extendedProps: Record<string, unknown> }; jsEvent: { preventDefault: () => void } }) => {
              info.jsEvent.preventDefault();
              navigate(`/support-requests/${info.event.extendedProps.request_id}/show`);
            }}
            height="auto"
          />
        </CardContent>
      </Card>
      <CalendarFeed />
    </Box>
  );
};

export default CalendarPage;
