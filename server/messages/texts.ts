import { languageName } from '../domain/iso.js';
import { enumLabel } from '../domain/labels.js';
import { toTokyoIso } from '../domain/time.js';

const WEEKDAY = ['日', '月', '火', '水', '木', '金', '土'];
const SIGNATURE = ['', '--', 'スポットおとなりさん事務局'];

/** 2026年3月2日(月) 10:00〜12:00 (Japan time). */
export function jaWhen(start: Date | null, end: Date | null): string {
  if (!start || !end) return '調整中';
  const s = toTokyoIso(start);
  const e = toTokyoIso(end);
  const weekday = WEEKDAY[new Date(`${s.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  return `${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日(${weekday}) ${s.slice(11, 16)}〜${e.slice(11, 16)}`;
}

/** What every volunteer message may say about an activity. `place` only once it is confirmed. */
export type ActivityFacts = {
  request_no: string;
  task_type: string;
  mode: string;
  language: string | null;
  start_at: Date | null;
  end_at: Date | null;
  ward: string | null;
  coordinator_name: string | null;
  volunteer_name: string;
};

export type ConfirmedFacts = ActivityFacts & { place: string | null; resident_first_name: string | null };

const taskLine = (f: ActivityFacts) => `内容: ${enumLabel('task_type', f.task_type, 'ja')}`;
const languageLine = (f: ActivityFacts) => `言語: ${f.language ? languageName(f.language, 'ja') : '未定'}`;
const areaLine = (f: ActivityFacts) => `地域: ${f.mode === 'online' ? 'オンライン' : (f.ward ?? '調整中')}`;

/**
 * The offer: date, time, ward or online, task, language and the coordinator — never the place
 * (a clinic's name can reveal health information) nor anything about the resident.
 */
export function offerText(f: ActivityFacts, link: string) {
  return {
    subject: `【スポットおとなりさん】活動のご相談 (${f.request_no})`,
    body: [
      `${f.volunteer_name} さま`,
      '',
      'いつもスポットおとなりさんの活動にご協力いただき、ありがとうございます。',
      '次の活動をお願いできないか、ご相談です。',
      '',
      taskLine(f),
      `日時: ${jaWhen(f.start_at, f.end_at)}`,
      areaLine(f),
      languageLine(f),
      `担当コーディネーター: ${f.coordinator_name ?? '事務局'}`,
      '',
      '次のページから「引き受ける」か「辞退する」を選んでください（ログインは不要です）:',
      link,
      '',
      '場所などの詳しいことは、お引き受けいただいた後にお知らせします。',
      ...SIGNATURE,
    ].join('\n'),
  };
}

export function confirmationText(f: ConfirmedFacts) {
  return {
    subject: `【スポットおとなりさん】活動が確定しました (${f.request_no})`,
    body: [
      `${f.volunteer_name} さま`,
      '',
      '次の活動が確定しました。ありがとうございます。予定表に追加できるファイル (.ics) を添付しています。',
      '',
      taskLine(f),
      `日時: ${jaWhen(f.start_at, f.end_at)}`,
      f.mode === 'online' ? '場所: オンライン' : `場所・待ち合わせ: ${[f.ward, f.place].filter(Boolean).join(' ') || '調整中'}`,
      languageLine(f),
      `利用者: ${f.resident_first_name ?? ''} さん`,
      `担当コーディネーター: ${f.coordinator_name ?? '事務局'}（このメールに返信すると届きます）`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

export function reminderText(f: ConfirmedFacts) {
  const c = confirmationText(f);
  return {
    subject: `【スポットおとなりさん】明日の活動のお知らせ (${f.request_no})`,
    body: c.body.replace(
      '次の活動が確定しました。ありがとうございます。予定表に追加できるファイル (.ics) を添付しています。',
      '明日の活動のお知らせです。よろしくお願いいたします。',
    ),
  };
}

export function cancellationText(f: ActivityFacts) {
  return {
    subject: `【スポットおとなりさん】活動の取り消し (${f.request_no})`,
    body: [
      `${f.volunteer_name} さま`,
      '',
      '次の活動は取り消しになりました。ご協力いただく予定でしたのに、申し訳ありません。',
      '',
      taskLine(f),
      `日時: ${jaWhen(f.start_at, f.end_at)}`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

export function reportRequestText(f: ActivityFacts, link: string) {
  return {
    subject: `【スポットおとなりさん】活動報告のお願い (${f.request_no})`,
    body: [
      `${f.volunteer_name} さま`,
      '',
      '活動お疲れさまでした。次のページから、実際の時間・結果・交通費を報告してください（ログインは不要です）:',
      link,
      '',
      taskLine(f),
      `日時: ${jaWhen(f.start_at, f.end_at)}`,
      ...SIGNATURE,
    ].join('\n'),
  };
}
