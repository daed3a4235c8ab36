// Japanese has one plural form in polyglot, so resource names need no "||||" variants.
const record_times = { created_at: '作成日時', updated_at: '更新日時', version: '版' };

export const ja_resources = {
  partners: {
    name: '関連団体',
    fields: { id: 'ID', name: '団体名', contact_name: '担当者名', phone: '電話番号', email: 'メールアドレス', notes: '備考', ...record_times },
  },
  clients: {
    name: '利用者',
    fields: {
      id: 'ID', client_no: '利用者番号', name: '氏名', name_kana: 'フリガナ', nationality: '国籍',
      languages: '使用言語', japanese_level: '日本語レベル', phone: '電話番号', email: 'メールアドレス',
      municipality_code: '区市町村', address: '住所', eligibility: '利用資格', ofp_member_no: 'OFP会員番号',
      partner_id: '関連団体', consent_at: '同意日時', special_care_notes: '要配慮事項', notes: '備考',
      archived_at: 'アーカイブ日時', ...record_times,
    },
    sections: {
      details: '基本情報', requests: '依頼の履歴', identity: '本人について', contact: '連絡先・住所',
      eligibility: '利用資格', care: '同意・備考',
    },
    helpers: {
      name_kana: 'カタカナで入力します（一覧で検索できます）。',
      consent_at: '個人情報の取り扱いに本人が同意した日時',
      special_care_notes: '要配慮個人情報です。本人の同意を得たうえで、支援に必要なことだけを書いてください。',
    },
    actions: {
      archive: 'アーカイブ', unarchive: 'アーカイブを解除', archived: 'アーカイブしました', unarchived: 'アーカイブを解除しました',
      include_archived: 'アーカイブ済みも表示',
    },
    archived_notice: 'この利用者は %{date} にアーカイブされました。',
    special_care: '要配慮',
    no_requests: '依頼はまだありません',
  },
  volunteers: {
    name: 'ボランティア',
    fields: {
      id: 'ID', volunteer_no: 'ボランティア番号', name: '氏名', name_kana: 'フリガナ', email: 'メールアドレス',
      phone: '電話番号', municipality_code: '居住区市町村', service_municipality_codes: '活動できる区市町村',
      languages: '対応言語', in_person_ok: '対面可', online_ok: 'オンライン可', task_types: '対応できる支援',
      availability: '活動できる時間帯', monthly_limit: '月の上限回数', status: '状態', ofp_registered: 'OFP登録',
      notes: '備考', id_check_valid_until: '本人確認の有効期限', id_check_state: '本人確認の状態',
      id_check_expires_within_days: '本人確認の期限', ...record_times,
    },
    sections: {
      details: '基本情報', id_checks: '本人確認', assignments: 'マッチング', identity: '本人について',
      activity: '活動の内容', notes: '備考',
    },
    helpers: { name_kana: 'カタカナで入力します（一覧で検索できます）。' },
    id_check_states: { valid: '有効', expiring: 'まもなく期限', expired: '期限切れ', none: '未確認または期限切れ' },
    id_check_unchecked: '未確認',
    no_id_checks: '本人確認の記録はまだありません',
    no_assignments: 'マッチングはまだありません',
  },
  'id-checks': {
    name: '本人確認',
    fields: {
      id: 'ID', volunteer_id: 'ボランティア', checked_on: '確認日', method: '確認方法', document_type: '確認書類',
      result: '結果', valid_until: '有効期限', notes: '備考', checked_by: '確認者', expires_within_days: '有効期限',
      ...record_times,
    },
    helpers: {
      valid_until: '空欄のままなら、確認済みの場合は確認日の%{months}か月後になります。',
      notes: '書類の番号や画像は記録しないでください。',
    },
    actions: { record: '本人確認を記録' },
  },
  'support-requests': {
    name: '依頼',
    fields: {
      id: 'ID', request_no: '依頼番号', client_id: '利用者', channel: '受付経路', received_at: '受付日時',
      category: '支援分野', task_type: '支援内容', mode: '対応方法', language: '言語', municipality_code: '区市町村',
      place: '場所', description: '依頼内容', start_at: '開始日時', end_at: '終了日時',
      coordinator_id: '担当コーディネーター', status: '状況', status_reason: '理由', ...record_times,
    },
  },
  assignments: {
    name: 'マッチング',
    fields: {
      id: 'ID', request_id: '依頼', volunteer_id: 'ボランティア', status: '状況', start_at: '開始日時',
      end_at: '終了日時', note: 'メモ', ...record_times,
    },
  },
  'activity-reports': {
    name: '活動報告',
    fields: {
      id: 'ID', request_id: '依頼', assignment_id: 'マッチング', actual_start_at: '実際の開始日時',
      actual_end_at: '実際の終了日時', outcome: '結果', follow_up_needed: 'フォローアップ要',
      follow_up_note: 'フォローアップ内容', summary: '活動内容', ...record_times,
    },
  },
  expenses: {
    name: '交通費・振込手数料',
    fields: {
      id: 'ID', request_id: '依頼', volunteer_id: 'ボランティア', kind: '種別', amount_yen: '金額（円）',
      settled_on: '精算日', settlement_method: '精算方法', note: 'メモ', ...record_times,
    },
  },
  staff: {
    name: 'スタッフ',
    fields: {
      id: 'ID', email: 'メールアドレス', display_name: '表示名', role: '役割', active: '有効',
      password: 'パスワード', ...record_times,
    },
  },
  municipalities: {
    name: '区市町村',
    fields: {
      id: 'コード', code: 'コード', name_ja: '名称', name_kana: 'よみ', name_en: '英語名', prefecture: '都道府県',
      in_service_area: 'サービス対象地域',
    },
  },
  'audit-log': {
    name: '監査ログ',
    fields: {
      id: 'ID', at: '日時', staff_id: 'スタッフ', action: '操作', resource: '対象', record_id: 'レコードID',
      changed_fields: '変更した項目',
    },
  },
  'request-events': { name: '対応履歴', fields: {} },
  settings: { name: '設定', fields: {} },
  reports: { name: 'レポート', fields: {} },
};
