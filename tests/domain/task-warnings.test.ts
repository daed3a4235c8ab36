import { describe, expect, it } from 'vitest';
import { taskWarnings, travelGapTooShort } from '../../server/domain/task-warnings.js';

const codes = (f: Parameters<typeof taskWarnings>[0]) => taskWarnings(f).map((w) => w.code);

describe('warnings by task', () => {
  it('warns of a ward-office accompaniment on a Saturday in Japan, not on a Friday', () => {
    expect(codes({ task_type: 'ward_office', mode: 'in_person', start_at: '2026-03-07T10:00:00+09:00' })).toEqual(['ward_office_saturday']);
    expect(codes({ task_type: 'ward_office', mode: 'in_person', start_at: '2026-03-06T10:00:00+09:00' })).toEqual([]);
    // 16:00Z on Friday is 01:00 on Saturday in Tokyo.
    expect(codes({ task_type: 'ward_office', mode: 'in_person', start_at: '2026-03-06T16:00:00Z' })).toEqual(['ward_office_saturday']);
    expect(codes({ task_type: 'hospital', mode: 'in_person', start_at: '2026-03-07T10:00:00+09:00' })).toEqual([]);
  });

  it('shows the ward’s notes beside a child health check-up', () => {
    const [w] = taskWarnings({
      task_type: 'child_health_checkup',
      mode: 'in_person',
      start_at: '2026-03-04T10:00:00+09:00',
      municipality_name: '目黒区',
      municipality_notes: '3〜4か月児健診は毎月第1・第3水曜',
    });
    expect(w!.message).toContain('目黒区: 3〜4か月児健診は毎月第1・第3水曜');
  });

  it('warns of transport on an online request', () => {
    expect(codes({ task_type: 'school_meeting', mode: 'online', start_at: null, transport_yen: 420 })).toEqual(['online_transport']);
    expect(codes({ task_type: 'school_meeting', mode: 'online', start_at: null, transport_yen: 0 })).toEqual([]);
    expect(codes({ task_type: 'school_meeting', mode: 'in_person', start_at: null, transport_yen: 420 })).toEqual([]);
  });

  it('warns of a travel gap under 60 minutes: 59 warns, 60 does not, seconds truncated', () => {
    const end = new Date('2026-03-02T11:00:00+09:00');
    expect(travelGapTooShort(end, new Date('2026-03-02T11:59:00+09:00'), 60)).toBe(true);
    expect(travelGapTooShort(end, new Date('2026-03-02T11:59:59+09:00'), 60)).toBe(true);
    expect(travelGapTooShort(end, new Date('2026-03-02T12:00:00+09:00'), 60)).toBe(false);
    expect(travelGapTooShort(end, new Date('2026-03-02T10:00:00+09:00'), 60)).toBe(false);
  });
});
