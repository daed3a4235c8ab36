import { describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole();
const EMAIL = 'coordinator2@demo.otonari.example';

describe('ログイン中の端末 (my sessions)', () => {
  it('lists the sessions from the user menu, marks this one, and ends another', async () => {
    // A second browser signs in as the same person first: the "other device".
    const otherBrowser = await launchBrowser();
    try {
      const other = await newPage(otherBrowser, ui.server.url);
      await login(other, EMAIL);
      await login(ui.page, EMAIL);

      await ui.page.getByRole('button', { name: 'プロフィール' }).click();
      await ui.page.getByRole('menuitem', { name: 'ログイン中の端末' }).click();
      await ui.page.waitForURL(/#\/account\/sessions/);
      const rows = ui.page.locator('table tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      await expect.poll(() => ui.page.locator('table thead').innerText()).toMatch(/IPアドレス[\s\S]*ログイン日時[\s\S]*最後の利用/);
      const current = rows.filter({ hasText: 'この端末' });
      await expect.poll(() => current.count()).toBe(1);
      // Times are shown in Japan time, as 2026/11/28(土) 10:00.
      await expect.poll(() => current.innerText()).toMatch(/\d{4}\/\d{2}\/\d{2}\(.\) \d{2}:\d{2}/);
      await screenshot(ui.page, 'sessions-ja');

      await rows.filter({ hasNotText: 'この端末' }).getByRole('button', { name: '終了' }).click();
      await ui.page.getByRole('dialog').getByRole('button', { name: '終了' }).click();
      await expect.poll(() => rows.count()).toBe(1);
      await expect.poll(() => ui.page.locator('body').innerText()).toContain('ログインを終了しました');

      // The other browser is signed out at its next request.
      await other.reload();
      await other.waitForURL(/#\/login/);
    } finally {
      await otherBrowser.close();
    }
  });

  it('shows the page in English too', async () => {
    await ui.page.getByRole('button', { name: /日本語/ }).click();
    await ui.page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => ui.page.locator('h1').innerText()).toBe('Signed-in devices');
    await expect.poll(() => ui.page.locator('table thead').innerText()).toMatch(/IP address[\s\S]*Signed in[\s\S]*Last used/);
    await expect.poll(() => ui.page.locator('table tbody').innerText()).toContain('This device');
    await screenshot(ui.page, 'sessions-en');
  });

  it('sends someone still signed in who opens the login address home, not to the login page', async () => {
    await ui.page.evaluate(() => {
      window.location.hash = '#/login';
    });
    await ui.page.waitForURL((url) => url.hash === '#/');
    // The console's app bar, not the login form (the page is in English since the test before).
    await expect.poll(() => ui.page.getByRole('button', { name: 'Profile' }).count()).toBe(1);
    expect(await ui.page.locator('input[type="password"]').count()).toBe(0);
  });
});
