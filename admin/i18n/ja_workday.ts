/** The coordinator's day: my work, the audit log's words, password resets, the eligibility rule. */
export const ja_workday = {
  audit: {
    history: 'この記録の閲覧・変更履歴',
    resources: {
      auth: 'ログイン',
      sessions: 'ログイン中の端末',
      totp: '二段階認証',
      imports: 'CSV取り込み',
      settings: '設定',
      reports_monthly: '月次レポート',
      'reports_fiscal-year': '年度レポート',
    },
    fields: { password: 'パスワード', totp: '二段階認証' },
  },
  staff_password: {
    button: 'パスワードを再設定',
    title: '%{name}さんのパスワードを再設定',
    explain: '新しいパスワードを決めて、本人に安全な方法で伝えてください。本人のほかの端末はログアウトされます。',
    new: '新しいパスワード',
    hint: '10 文字以上',
    save: '再設定する',
    done: '%{name}さんのパスワードを再設定しました',
  },
  casework: { requests: { new_for_client: 'この人の依頼を作成' } },
  eligibility_rule: {
    open: '現在はどなたでも利用できます (利用資格は記録のためです)。',
    members_only: '現在は会員のみの期間です。OFP会員と関連団体からの紹介の方が利用できます。',
    members_only_general:
      '現在は会員のみの期間です。「一般」の方の依頼は受けられません。OFP会員か、関連団体からの紹介かを本人に確認して選んでください。',
  },
  my_work: {
    web_form: 'Webフォームからの依頼',
    web_form_new: '新しく届いた依頼',
    mine: '担当している依頼',
    volunteers: 'ボランティアとの調整',
    waiting_answer: '返事を待っている打診',
    today: '今日の活動',
    tomorrow: '明日の活動',
    settle: '活動のあとで',
    report_due: '活動報告が未入力',
  },
  menu: { new_phone_request: '新しい依頼 (電話)', assignments: 'ボランティア手配' },
  expense_added: '%{kind} %{amount} 円を追加しました',
};
