/** The audit log's own words: what each kind of entry is about, and the per-record history. */
export const ja_audit = {
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
};
