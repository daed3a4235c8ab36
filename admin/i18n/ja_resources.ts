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
  },
  volunteers: {
    name: 'ボランティア',
    fields: {
      id: 'ID', volunteer_no: 'ボランティア番号', name: '氏名', name_kana: 'フリガナ', email: 'メールアドレス',
      phone: '電話番号', municipality_code: '居住区市町村', service_municipality_codes: '活動できる区市町村',
      languages: '対応言語', in_person_ok: '対面可', online_ok: 'オンライン可', task_types: '対応できる支援',
      availability: '活動できる時間帯', monthly_limit: '月の上限回数', status: '状態', ofp_registered: 'OFP登録',
      notes: '備考', id_check_valid_until: '本人確認の有効期限', ...record_times,
    },
  },
  'id-checks': {
    name: '本人確認',
    fields: {
      id: 'ID', volunteer_id: 'ボランティア', checked_on: '確認日', method: '確認方法', document_type: '確認書類',
      result: '結果', valid_until: '有効期限', notes: '備考', checked_by: '確認者', ...record_times,
    },
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
