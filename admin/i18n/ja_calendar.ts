/** 休業期間 (closed periods): the console's words beyond the resource's field names. */
export const ja_calendar = {
  // Deep-merged into the resources' names (as ja_totp does).
  resources: {
    settings: { fields: { max_expense_yen: '1件の費用の上限（円）', travel_gap_minutes: '別の区市町村の活動との間の移動時間（分）' } },
    'support-requests': { fields: { preferred_volunteer_gender: 'ボランティアの性別の希望' } },
    volunteers: { fields: { gender: '性別（本人の申告）' } },
    municipalities: { fields: { notes: 'メモ（健診日・休日開庁日など）' } },
  },
  municipalities: {
    notes_hint: '依頼の日時の横に注意として表示されます（例: 乳幼児健診は毎月第2・第4火曜、休日開庁は第2土曜）',
  },
  casework: {
    requests: {
      no_gender_preference: '希望なし',
      gender_preference_hint: '妊婦健診・婦人科・一部の学校面談など、必要なときだけ。候補はその性別を申告したボランティアに絞られます',
    },
  },
  volunteers: {
    gender_undeclared: '申告なし',
    gender_hint: '任意。同性の支援を希望する依頼の候補選びにだけ使い、外部向けの出力には含めません',
  },
  closed_dates: {
    period: '期間',
    yearly: '毎年 %{from}〜%{to}',
    to_hint: '1日だけなら開始日と同じ日',
    reason_hint: '依頼の日時を断るときに、この理由が表示されます（例: 年末年始）',
    every_year_hint: '毎年同じ月日に繰り返します（年末年始 12/29〜1/3 など）。年をまたいでもかまいません',
    hint: '休業期間: %{periods}',
  },
};
