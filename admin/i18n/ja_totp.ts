/**
 * Messages of the second factor (二段階認証): the login steps, the page in the user menu, the
 * admin's reset and the setting. Merged over the rest in ja.ts, like ja_casework.
 */
export const ja_totp = {
  totp: {
    menu: '二段階認証',
    title: '二段階認証',
    intro:
      'ログインのとき、パスワードに加えて、スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator など）に表示される6桁の確認コードを入力します。',
    status_on: '二段階認証は有効です（%{date} に設定）。',
    status_off: '二段階認証は設定されていません。',
    required: 'あなたの役割では二段階認証が必須です。',
    optional: '二段階認証は任意ですが、設定をおすすめします。',
    recovery_remaining: '使えるリカバリーコード: 残り %{count} 個',
    code: '確認コード',
    code_or_recovery: '確認コード（またはリカバリーコード）',
    code_hint: '認証アプリに表示されている6桁の数字です。スマートフォンが手元にないときは、リカバリーコードを入力できます。',
    verify: '確認',
    cancel: 'やめる',
    back_to_login: 'ログイン画面に戻る',
    login: {
      code_explain: '認証アプリに表示されている6桁の確認コードを入力してください。',
      enrol_title: '二段階認証の設定',
      enrol_explain: 'このアカウントでは二段階認証が必須です。設定が終わるとログインできます（15分以内に済ませてください）。',
    },
    enrol: {
      start: '設定を始める',
      redo: '設定し直す（スマートフォンを替えたとき）',
      redo_explain: 'いまお使いのアプリの確認コードを入力すると、新しい鍵を作ります。新しい鍵を確認するまでは、いまの鍵が使えます。',
      scan: '1. 認証アプリで、このQRコードを読み取ってください。',
      qr_alt: '二段階認証を設定するためのQRコード',
      manual: 'QRコードを読み取れないときは、次の鍵をアプリに手で入力してください（時間ベース・6桁・30秒）。',
      key: '鍵',
      confirm: '2. アプリに表示された6桁の確認コードを入力して「確認」を押してください。',
      done: '二段階認証を設定しました。',
    },
    recovery: {
      title: 'リカバリーコード',
      explain:
        'スマートフォンをなくしたときなどに、確認コードの代わりに1つずつ1回だけ使えます。この画面を離れると二度と表示されません。印刷するか、安全な場所に保管してください。',
      copy: 'コピー',
      copied: 'リカバリーコードをコピーしました。',
      copy_failed: 'コピーできませんでした。コードを選択してコピーしてください。',
      continue: '保管しました。続ける',
      regenerate: 'リカバリーコードを作り直す',
      regenerate_explain: '新しいコードを10個作ります。いままでのコードは使えなくなります。確認コードを入力してください。',
      regenerated: '新しいリカバリーコードを作りました。',
    },
    disable: {
      button: '二段階認証を無効にする',
      explain: '無効にすると、パスワードだけでログインできるようになります。確認コードを入力してください。',
      done: '二段階認証を無効にしました。',
    },
    reset: {
      button: '二段階認証をリセット',
      title: '%{name} さんの二段階認証をリセット',
      explain:
        'スマートフォンをなくした人のために、二段階認証の鍵とリカバリーコードを削除し、その人のログイン中のセッションを終わらせます。二段階認証が必須の人は、次のログインで設定し直します。この操作は監査ログに残ります。',
      confirm: 'リセットする',
      done: '二段階認証をリセットしました。',
    },
    settings_helper: '管理者は常に必須です。オンにすると、すべてのスタッフが次のログインから二段階認証を使います。',
  },
  resources: {
    totp: { name: '二段階認証' },
    staff: { fields: { totp_enabled: '二段階認証' } },
    settings: { fields: { totp_required_for_all: '全員に二段階認証を求める' } },
  },
};
