/** Messages of the account menu (the signed-in person's own pages), merged over the rest in ja.ts. */
export const ja_account = {
  account: {
    sessions: {
      menu: 'ログイン中の端末',
      title: 'ログイン中の端末',
      hint: 'あなたのアカウントでログインしている端末です。心当たりのない端末があれば「終了」を押して、パスワードを変更してください。',
      device: '端末（ブラウザ）',
      ip: 'IPアドレス',
      created_at: 'ログイン日時',
      last_seen_at: '最後の利用',
      expires_at: '自動ログアウト',
      current: 'この端末',
      unknown_device: '不明な端末',
      end: '終了',
      end_title: 'この端末のログインを終了しますか？',
      end_content: '%{device}（%{ip}）のログインを終了します。その端末では、もう一度ログインが必要になります。',
      end_current_content: 'いま使っているこの端末のログインを終了します。終了するとログイン画面に戻ります。',
      ended: 'ログインを終了しました。',
      empty: 'ログイン中の端末はありません。',
    },
  },
};
