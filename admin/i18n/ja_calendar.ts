/** 休業期間 (closed periods): the console's words beyond the resource's field names. */
export const ja_calendar = {
  // Deep-merged into the resources' names (as ja_totp does).
  resources: { settings: { fields: { max_expense_yen: '1件の費用の上限（円）' } } },
  closed_dates: {
    period: '期間',
    yearly: '毎年 %{from}〜%{to}',
    to_hint: '1日だけなら開始日と同じ日',
    reason_hint: '依頼の日時を断るときに、この理由が表示されます（例: 年末年始）',
    every_year_hint: '毎年同じ月日に繰り返します（年末年始 12/29〜1/3 など）。年をまたいでもかまいません',
    hint: '休業期間: %{periods}',
  },
};
