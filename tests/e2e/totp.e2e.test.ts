import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seeds/demo.js';
import { login, nextTotpCode, screenshot } from './helpers/browser.js';
import { api } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole();
const COORDINATOR = 'coordinator2@demo.otonari.example';

/** Ends the session on the server, then reloads so the console forgets who was signed in. */
const logout = async (page: Page) => {
  await page.request.post('/api/auth/logout');
  await page.goto('/#/login');
  await page.reload();
  await page.locator('input[autocomplete="username"]').waitFor();
};

/** The key shown during enrolment, without the spaces that group it. */
const shownKey = async (page: Page) => (await page.getByTestId('totp-key').innerText()).replace(/\s/g, '');

/** MUI fades dialogs in: a screenshot taken before the transitions end shows a ghost. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().length === 0);

const recoveryCodes = async (page: Page) => (await page.getByTestId('recovery-codes').locator('li').allInnerTexts()).map((c) => c.trim());

describe('two-factor authentication (二段階認証) in the console', () => {
  let key = '';

  it('lets a coordinator enrol from the user menu: QR code, key, confirming code, recovery codes once', async () => {
    const page = ui.page;
    await login(page, COORDINATOR);
    await page.getByRole('button', { name: /プロフィール|岡本/ }).click();
    await page.getByRole('menuitem', { name: '二段階認証' }).click();
    await page.waitForURL(/#\/two-factor/);
    await expect.poll(() => page.locator('main').innerText()).toContain('二段階認証は設定されていません。');
    await page.getByRole('button', { name: '設定を始める' }).click();
    const qr = page.getByRole('img', { name: '二段階認証を設定するためのQRコード' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    key = await shownKey(page);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'totp-enrol-ja');

    // A wrong code is refused where it was typed.
    await page.getByLabel('確認コード').fill('000000');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toEqual(expect.arrayContaining(['確認コードが正しくありません。']));

    await page.getByLabel('確認コード').fill(await nextTotpCode(key));
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await recoveryCodes(page);
    expect(codes).toHaveLength(10);
    await screenshot(page, 'totp-recovery-codes-ja');
    await page.getByRole('button', { name: '保管しました。続ける' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('二段階認証は有効です');
    await expect.poll(() => page.locator('main').innerText()).toContain('残り 10 個');
    // Shown once: the page no longer holds the codes.
    expect(await page.locator('body').innerText()).not.toContain(codes[0]);
  });

  it('asks for the code after the password, refuses a wrong one, and signs in with the right one', async () => {
    const page = ui.page;
    await logout(page);
    await page.getByLabel('メールアドレス').fill(COORDINATOR);
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByLabel('確認コード').waitFor();
    await screenshot(page, 'totp-login-code-ja');
    await page.getByLabel('確認コード').fill('123456');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toEqual(expect.arrayContaining(['確認コードが正しくありません。']));
    expect(page.url()).toContain('login');
    await page.getByLabel('確認コード').fill(await nextTotpCode(key));
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.waitForURL((url) => !url.hash.includes('login'));
    await expect.poll(() => page.locator('body').innerText()).toContain('おつかれさまです');
  });

  it('shows the page and the code step in English', async () => {
    const page = ui.page;
    await page.getByRole('button', { name: /日本語/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto('/#/two-factor');
    await expect.poll(() => page.locator('main').innerText()).toContain('Two-factor authentication is on');
    await expect.poll(() => page.locator('main').innerText()).toContain('Recovery codes left: 10');
    await screenshot(page, 'totp-page-en');
    await logout(page);
    await page.getByLabel('Email').fill(COORDINATOR);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code (or a recovery code)').waitFor();
    await screenshot(page, 'totp-login-code-en');
    await page.getByLabel('Code (or a recovery code)').fill(await nextTotpCode(key));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.waitForURL((url) => !url.hash.includes('login'));
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: '日本語' }).click();
    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['関連団体']));
  });

  it('takes a new admin through enrolment at their first login, and lets the demo admin see and reset it', async () => {
    const page = ui.page;
    await logout(page);
    await login(page, 'admin@demo.otonari.example');
    const stamp = Date.now().toString().slice(-6);
    const email = `new.admin.${stamp}@demo.otonari.example`;
    await api(page.request, 'POST', '/api/staff', {
      email,
      display_name: `新任 管理者${stamp}`,
      role: 'admin',
      password: 'first-password-1',
    });
    await page.goto('/#/staff');
    await expect.poll(() => page.locator('table thead').innerText()).toContain('二段階認証');
    await screenshot(page, 'totp-staff-list-ja');

    await logout(page);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill('first-password-1');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('このアカウントでは二段階認証が必須です');
    await page.getByRole('button', { name: '設定を始める' }).click();
    const adminKey = await (async () => {
      await page.getByTestId('totp-key').waitFor();
      return shownKey(page);
    })();
    await screenshot(page, 'totp-login-enrol-ja');
    await page.getByLabel('確認コード').fill(await nextTotpCode(adminKey));
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await recoveryCodes(page)).toHaveLength(10);
    await page.getByRole('button', { name: '保管しました。続ける' }).click();
    await page.waitForURL((url) => !url.hash.includes('login'));
    await expect.poll(() => page.locator('body').innerText()).toContain('おつかれさまです');

    // Back as the demo admin: reset the new admin's TOTP from the staff page.
    await logout(page);
    await login(page, 'admin@demo.otonari.example');
    const staff = await api<{ id: number; email: string; totp_enabled: boolean }[]>(page.request, 'GET', `/api/staff?range=[0,99]`);
    const created = staff.find((s) => s.email === email)!;
    expect(created.totp_enabled).toBe(true);
    await page.goto(`/#/staff/${created.id}`);
    await page.getByRole('button', { name: '二段階認証をリセット' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('監査ログ');
    await settled(page);
    await screenshot(page, 'totp-reset-dialog-ja');
    await dialog.getByRole('button', { name: 'リセットする' }).click();
    await expect
      .poll(async () => (await api<{ totp_enabled: boolean }>(page.request, 'GET', `/api/staff/${created.id}`)).totp_enabled)
      .toBe(false);

    // The setting that requires it of everyone.
    await page.goto('/#/settings');
    const everyone = page.getByLabel('全員に二段階認証を求める');
    await everyone.waitFor();
    expect(await everyone.isChecked()).toBe(false);
    await screenshot(page, 'totp-settings-ja');
  });
});
