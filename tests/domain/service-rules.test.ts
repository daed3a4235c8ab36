import { describe, expect, it } from 'vitest';
import { publicHoliday, serviceTimeViolations, type ServiceSettings } from '../../server/domain/service-rules.js';
import { canTransition, MANUAL_TRANSITIONS, needsReason } from '../../server/domain/workflow.js';
import { REQUEST_STATUSES } from '../../server/domain/enums.js';

const S: ServiceSettings = {
  service_weekdays: [1, 2, 3, 4, 5, 6],
  service_start: '08:30',
  service_end: '18:00',
  max_activity_minutes: 180,
  closed_on_public_holidays: true,
};
const rules = (start: string, end: string, s = S) => serviceTimeViolations(new Date(start), new Date(end), s).map((v) => v.rule);

describe('service rules', () => {
  it('accepts the inclusive boundaries on a weekday and a Saturday', () => {
    expect(rules('2026-03-02T08:30:00+09:00', '2026-03-02T11:30:00+09:00')).toEqual([]);
    expect(rules('2026-03-07T15:00:00+09:00', '2026-03-07T18:00:00+09:00')).toEqual([]);
  });

  it('refuses 3 h 1 min but not 3 h', () => {
    expect(rules('2026-03-02T09:00:00+09:00', '2026-03-02T12:00:00+09:00')).toEqual([]);
    expect(rules('2026-03-02T09:00:00+09:00', '2026-03-02T12:01:00+09:00')).toEqual(['max_duration']);
  });

  it('refuses Sunday and times outside hours', () => {
    expect(rules('2026-03-08T10:00:00+09:00', '2026-03-08T11:00:00+09:00')).toEqual(['service_day']);
    expect(rules('2026-03-02T08:29:00+09:00', '2026-03-02T09:00:00+09:00')).toEqual(['service_hours']);
    expect(rules('2026-03-02T17:00:00+09:00', '2026-03-02T18:01:00+09:00')).toEqual(['service_hours']);
  });

  it('judges UTC input in Japan time', () => {
    // 00:00Z is 09:00 in Tokyo: fine. 22:00Z Friday is 07:00 Saturday in Tokyo: too early.
    expect(rules('2026-03-02T00:00:00Z', '2026-03-02T02:00:00Z')).toEqual([]);
    expect(rules('2026-03-06T22:00:00Z', '2026-03-06T23:30:00Z')).toEqual(['service_hours']);
    // 10:00Z Saturday is 19:00 Saturday in Tokyo.
    expect(rules('2026-03-07T10:00:00Z', '2026-03-07T11:00:00Z')).toEqual(['service_hours']);
    // 16:00Z Saturday is 01:00 Sunday in Tokyo.
    expect(rules('2026-03-07T16:00:00Z', '2026-03-07T17:00:00Z')).toEqual(expect.arrayContaining(['service_day', 'service_hours']));
  });

  it('closes on public holidays including substitute holidays, as a setting', () => {
    expect(publicHoliday('2026-05-06')).toBe('休日（憲法記念日の振替）');
    expect(rules('2026-05-06T10:00:00+09:00', '2026-05-06T11:00:00+09:00')).toEqual(['public_holiday']);
    expect(rules('2026-11-03T10:00:00+09:00', '2026-11-03T11:00:00+09:00')).toEqual(['public_holiday']);
    expect(rules('2026-05-06T10:00:00+09:00', '2026-05-06T11:00:00+09:00', { ...S, closed_on_public_holidays: false })).toEqual([]);
  });

  it('names a substitute holiday as the law does, after the Sunday holiday it replaces', () => {
    // 2026: 5/3 憲法記念日 is a Sunday; 5/4 and 5/5 are holidays themselves, so 5/6 replaces 5/3.
    expect(publicHoliday('2026-05-06')).toBe('休日（憲法記念日の振替）');
    // 2025: 5/4 みどりの日 is the Sunday.
    expect(publicHoliday('2025-05-06')).toBe('休日（みどりの日の振替）');
    expect(publicHoliday('2025-02-24')).toBe('休日（天皇誕生日の振替）');
    expect(publicHoliday('2027-03-22')).toBe('休日（春分の日の振替）');
    expect(publicHoliday('2026-11-03')).toBe('文化の日');
    const [refusal] = serviceTimeViolations(new Date('2026-05-06T10:00:00+09:00'), new Date('2026-05-06T11:00:00+09:00'), S);
    expect(refusal!.message).toBe('2026-05-06 は祝日 (休日（憲法記念日の振替）) のため休みです。');
    expect(refusal!.message).not.toMatch(/こどもの日/);
  });

  it('refuses the closed periods with their reason, yearly ones every year: 12/28 and 1/4 open, 12/29 and 1/3 closed', () => {
    const closed = {
      ...S,
      closed_dates: [
        { from_date: '2026-12-29', to_date: '2027-01-03', reason: '年末年始', every_year: true },
        { from_date: '2026-08-13', to_date: '2026-08-15', reason: '夏季休業' },
      ],
    };
    const at = (date: string) => serviceTimeViolations(new Date(`${date}T10:00:00+09:00`), new Date(`${date}T11:00:00+09:00`), closed);
    // 2027-12-28 is a Tuesday, 2028-01-04 a Tuesday: only the closed period decides.
    expect(at('2027-12-28')).toEqual([]);
    expect(at('2027-12-29')).toMatchObject([
      { rule: 'closed_date', message: '2027-12-29 は休業期間「年末年始」(2027/12/29〜2028/1/3) のため休みです。' },
    ]);
    expect(at('2028-01-03').map((v) => v.rule)).toEqual(['closed_date']);
    expect(at('2028-01-04')).toEqual([]);
    expect(at('2025-12-30')[0]!.message).toMatch(/年末年始.*2025\/12\/29〜2026\/1\/3/);
    expect(at('2026-08-14')[0]!.message).toMatch(/夏季休業/);
    // A single period does not repeat.
    expect(at('2027-08-14')).toEqual([]);
  });

  it('counts minutes the way the clock shows them: seconds truncated for the 3-hour rule as for the hours', () => {
    // 09:00:00–12:00:59 is 180 minutes on the clock, as 18:00:59 is still inside 18:00.
    expect(rules('2026-03-02T09:00:00+09:00', '2026-03-02T12:00:59+09:00')).toEqual([]);
    expect(rules('2026-03-02T09:00:59+09:00', '2026-03-02T12:01:00+09:00')).toEqual(['max_duration']);
    expect(rules('2026-03-02T15:00:00+09:00', '2026-03-02T18:00:59+09:00')).toEqual([]);
    expect(rules('2026-03-02T08:29:59+09:00', '2026-03-02T09:00:00+09:00')).toEqual(['service_hours']);
  });

  it('follows the settings for days, hours and duration', () => {
    const custom = {
      ...S,
      service_weekdays: [1, 2, 3, 4, 5, 6, 7],
      service_start: '10:00',
      service_end: '20:00',
      max_activity_minutes: 240,
    };
    expect(rules('2026-03-08T18:00:00+09:00', '2026-03-08T20:00:00+09:00', custom)).toEqual([]);
    expect(rules('2026-03-02T09:00:00+09:00', '2026-03-02T13:00:00+09:00', custom)).toEqual(['service_hours']);
  });

  it('refuses an end before the start', () => {
    expect(rules('2026-03-02T11:00:00+09:00', '2026-03-02T10:00:00+09:00')).toEqual(['order']);
  });
});

describe('workflow table', () => {
  it('allows exactly the documented transitions by hand', () => {
    const allowed = REQUEST_STATUSES.flatMap((from) => MANUAL_TRANSITIONS[from].map((to) => `${from}>${to}`)).sort();
    expect(allowed).toEqual(
      [
        'received>checking',
        'received>rejected',
        'received>cancelled',
        'checking>matching',
        'checking>rejected',
        'checking>cancelled',
        'matching>checking',
        'matching>unmatched',
        'matching>cancelled',
        'confirmed>cancelled',
        'done>closed',
      ].sort(),
    );
    expect(canTransition('matching', 'confirmed')).toBe(false);
    expect(canTransition('matching', 'confirmed', 'automatic')).toBe(true);
    expect(canTransition('confirmed', 'done')).toBe(false);
    expect(needsReason('cancelled') && needsReason('unmatched') && needsReason('rejected')).toBe(true);
    expect(needsReason('closed')).toBe(false);
  });
});
