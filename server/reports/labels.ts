import type { Lang } from '../domain/labels.js';

/** Names of the report's figures, for the console and the CSV. */
export const FIGURE_LABELS: Record<string, Record<Lang, string>> = {
  received: { ja: '受付件数', en: 'Requests received' },
  matched: { ja: 'マッチング成立', en: 'Matched' },
  completed: { ja: '活動完了', en: 'Completed' },
  cancelled: { ja: 'キャンセル', en: 'Cancelled' },
  unmatched: { ja: 'マッチング不成立', en: 'Not matched' },
  rejected: { ja: '対象外', en: 'Rejected' },
  residents: { ja: '利用者数', en: 'Residents' },
  new_residents: { ja: '新規利用者', en: 'New residents' },
  returning_residents: { ja: 'リピート利用者', en: 'Returning residents' },
  confirmed_in_period: { ja: '期間内の確定件数', en: 'Confirmed in period' },
  activities: { ja: '活動件数', en: 'Activities' },
  volunteers_active: { ja: '活動したボランティア', en: 'Volunteers active' },
  outside_service_rules: { ja: 'サービス時間外・時間超過の活動', en: 'Activities outside service rules' },
  new_volunteers: { ja: '新規ボランティア', en: 'New volunteers' },
  id_checks_done: { ja: '本人確認の実施', en: 'ID checks done' },
  id_checks_due: { ja: '本人確認の期限', en: 'ID checks due' },
  follow_ups_opened: { ja: 'フォローアップ発生', en: 'Follow-ups opened' },
  follow_ups_handled: { ja: 'フォローアップ対応', en: 'Follow-ups handled' },
  feedback_responses: { ja: '利用者の評価 (回答数)', en: 'Residents’ feedback (responses)' },
  feedback_average: { ja: '利用者の評価 (平均、5 点満点)', en: 'Residents’ feedback (average of 5)' },
  match_rate: { ja: 'マッチング率', en: 'Match rate' },
  completion_rate: { ja: '完了率', en: 'Completion rate' },
  median: { ja: '受付から確定までの日数 (中央値)', en: 'Days to confirmation (median)' },
  p90: { ja: '受付から確定までの日数 (90パーセンタイル)', en: 'Days to confirmation (90th percentile)' },
  volunteer_hours: { ja: 'ボランティア活動時間', en: 'Volunteer hours' },
  total: { ja: '合計', en: 'Total' },
};

export const SECTION_LABELS: Record<string, Record<Lang, string>> = {
  counts: { ja: '件数', en: 'Counts' },
  rates: { ja: '率', en: 'Rates' },
  days: { ja: '日数', en: 'Days' },
  hours: { ja: '時間', en: 'Hours' },
  amounts: { ja: '金額 (円)', en: 'Amounts (yen)' },
  channel: { ja: '受付経路別', en: 'By channel' },
  category: { ja: '支援分野別', en: 'By area of help' },
  task_type: { ja: '支援内容別', en: 'By task' },
  mode: { ja: '対面・オンライン別', en: 'By mode' },
  language: { ja: '言語別', en: 'By language' },
  nationality: { ja: '国籍別', en: 'By nationality' },
  municipality: { ja: '区市町村別', en: 'By municipality' },
  note: { ja: '注記', en: 'Note' },
};

export const AMOUNT_LABELS: Record<string, Record<Lang, string>> = {
  transport: { ja: '交通費', en: 'Transport' },
  transfer_fee: { ja: '振込手数料', en: 'Transfer fee' },
  other: { ja: 'その他', en: 'Other' },
  total: { ja: '合計', en: 'Total' },
  owed: { ja: '発生', en: 'owed' },
  settled: { ja: '精算済み', en: 'settled' },
  outstanding: { ja: '未精算', en: 'outstanding' },
};

export const CSV_HEADERS: Record<Lang, string[]> = {
  ja: ['区分', '項目', '当期', '前期', '増減'],
  en: ['Section', 'Item', 'This period', 'Previous period', 'Change'],
};

/** The first rows of a report file: what it is and which periods it compares. */
export const CSV_TITLES: Record<'monthly' | 'fiscal-year', Record<Lang, string>> = {
  monthly: { ja: 'スポットおとなりさん 月次レポート', en: 'Spot Otonari-san monthly report' },
  'fiscal-year': { ja: 'スポットおとなりさん 年度レポート', en: 'Spot Otonari-san fiscal-year report' },
};
export const CSV_PERIOD: Record<Lang, { period: string; previous: string; external: string; internal: string; percent: string }> = {
  ja: {
    period: '対象期間',
    previous: '比較期間 (前期)',
    external: '外部向け (小さな件数は伏せています)',
    internal: '内部用',
    percent: '(%)',
  },
  en: {
    period: 'Period',
    previous: 'Compared with (previous period)',
    external: 'For outsiders (small counts hidden)',
    internal: 'Internal',
    percent: '(%)',
  },
};

export const HIDDEN_NOTE: Record<Lang, string> = {
  ja: '「<N」は N 未満の件数。「*」は引き算で小さな件数が分からないよう伏せた値。',
  en: '"<N" is a count below N. "*" is hidden so that a small count cannot be worked out by subtraction.',
};
