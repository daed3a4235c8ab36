import english_messages from 'ra-language-english';
import * as japanese_module from '@bicstone/ra-language-japanese';
import type { TranslationMessages } from 'react-admin';
import { ja_account } from './ja_account';
import { ja_workday } from './ja_workday';
import { ja_matching } from './ja_matching';
import { ja_casework } from './ja_casework';
import { ja_enums } from '../../server/domain/messages/ja_enums';
import { ja_reports } from './ja_reports';
import { ja_totp } from './ja_totp';
import { ja_calendar } from './ja_calendar';
import { ja_privacy } from './ja_privacy';
import { ja_outbox } from './ja_outbox';
import { ja_resources } from '../../server/domain/messages/ja_resources';
import { mergeMessages, unwrapDefault } from './shape';

export const ja_app = {
  app: {
    title: 'スポットおとなりさん 管理画面',
    language: '表示する言語',
    incomplete_date: '日付・時刻を最後まで入力してください（例: 2026/12/01 10:00）',
  },
  lists: {
    range: '%{from}〜%{to}件目 / %{total}件',
    approx_range: '%{from}〜%{to}件目 / 約 %{total}件',
    rows_per_page: '表示件数:',
    depth: '%{limit}件目より後ろは表示できません。条件で絞り込んでください。',
  },
  dashboard: {
    greeting: '%{name}さん、おつかれさまです',
    requests_by_status: '状況別の依頼',
    unavailable: '—',
    id_checks_due: '本人確認の期限が%{days}日以内のボランティア',
    id_checks_due_none: '%{days}日以内に期限が来る人はいません。',
    show_all: '一覧ですべて見る',
  },
  people: {
    archived: 'アーカイブ済み',
    within_days: '%{days}日以内',
    duplicates: {
      title: '同じ人がすでに登録されているかもしれません',
      hint: '保存する前に確認してください（リンクは新しいタブで開きます）。',
      match: { phone: '電話番号が同じ', email: 'メールアドレスが同じ', name: '氏名が同じ', kana: 'フリガナが同じ' },
    },
  },
  availability: {
    hint: '月〜土の %{start}〜%{end} の間で、30分単位で選びます。',
    empty: 'まだ時間帯がありません。「時間帯を追加」を押してください。',
    none: '登録されていません',
    add: '時間帯を追加',
    remove: '%{row}行目の時間帯を削除',
    row: '%{row}行目の時間帯',
    weekday: '曜日',
    start: '開始',
    end: '終了',
    has_problems: '活動できる時間帯に直すところがあります（赤い表示）。',
    weekdays: { 1: '月', 2: '火', 3: '水', 4: '木', 5: '金', 6: '土' },
  },
  imports: {
    menu: 'CSV取り込み',
    title: 'CSVファイルの取り込み',
    kind: '取り込む対象',
    file_hint: '1行目に列名を入れたCSVファイルを選び、「内容を確認」を押してください。確認だけでは何も登録されません。',
    choose_file: 'ファイルを選ぶ',
    no_file: 'ファイルが選ばれていません',
    check: '内容を確認',
    import: '取り込む',
    progress: '送信の進み具合',
    uploading: 'ファイルを送っています… %{percent}%',
    processing: 'サーバーで内容を確認しています…',
    total_rows: '行数',
    valid_rows: '取り込める行',
    error_count: 'エラー',
    errors_title: 'エラーのある行',
    warning_count: '重複の可能性',
    warnings_title: '重複の可能性がある行',
    check_duplicates:
      '%{total} 行のうち %{rows} 行が、すでに登録されている人か、このファイルの別の行と同じ人かもしれません。下の一覧で確かめてください。このまま取り込むと同じ人が二重に登録されます。',
    accept_duplicates: '重複の可能性を確認しました（%{rows} 行もそのまま取り込む）',
    sample: 'サンプルファイル（%{name}）をダウンロード',
    row: '行',
    column: '列',
    message: '内容',
    preview_title: '取り込まれる内容（先頭 %{count} 件）',
    fix_errors: 'エラーのある行を直したファイルを選び直して、もう一度確認してください。エラーがなくなると取り込めます。',
    ready: 'エラーはありません。「取り込む」を押すと %{count} 件を登録します。',
    done: '%{count} 件を取り込みました。',
    failed: '取り込めませんでした。何も登録されていません。',
    open_list: '一覧を開く',
    forbidden: 'CSVを取り込む権限がありません。',
  },
  // The login form's first field is named "username" in react-admin; ours is an email.
  // The Japanese pack titles records "利用者 #4"; staff recognise "利用者 C-00004 氏名".
  ra: {
    auth: { username: 'メールアドレス' },
    page: { show: '%{name} %{recordRepresentation}', edit: '%{name} %{recordRepresentation}' },
  },
  resources: ja_resources,
  enums: ja_enums,
  reports: ja_reports,
};

const japanese_messages = unwrapDefault<TranslationMessages>(japanese_module, 'ra');

// English first: the Japanese pack lacks a few keys (ra.validation.unique, ra.guesser.*).
export const ja_messages: TranslationMessages = mergeMessages<TranslationMessages>(
  english_messages,
  japanese_messages,
  ja_app,
  ja_casework,
  ja_account,
  ja_totp,
  ja_calendar,
  ja_privacy,
  ja_workday,
  ja_matching,
  ja_outbox,
);
