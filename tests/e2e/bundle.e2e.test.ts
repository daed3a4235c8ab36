import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole();
// The lazy screens and their data can take a few seconds on a busy machine.
const SLOW = { timeout: 15_000 };

/** The names of the script files the page fetched, from now on. */
const scriptsFetched = (page: Page) => {
  const names: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) names.push(path.replace(/^.*\//, ''));
  });
  return names;
};

// The chunks that must wait until someone is signed in: react-admin and the rest of MUI, the
// console frame, its screens and forms (with the pickers), the reports and the calendar.
const AFTER_SIGN_IN = /^(console-libs|App|screens|forms|pickers|ReportsPage|CalendarPage)-/;

describe('a light login page', () => {
  it('loads no react-admin, screens or charts before the sign-in, and the console after it', async () => {
    const scripts = scriptsFetched(ui.page);
    const errors: string[] = [];
    ui.page.on('pageerror', (error) => errors.push(error.message));
    await ui.page.goto('/#/clients');
    // Not signed in: the login page, at the login route.
    await ui.page.getByLabel('メールアドレス').waitFor();
    expect(ui.page.url()).toMatch(/#\/login$/);
    expect(scripts.filter((s) => AFTER_SIGN_IN.test(s))).toEqual([]);
    await screenshot(ui.page, 'bundle-login-ja');

    await ui.page.getByLabel('メールアドレス').fill('coordinator@demo.otonari.example');
    await ui.page.getByLabel('パスワード').fill('otonari-demo-2026');
    await ui.page.getByRole('button', { name: 'ログイン' }).click();
    // Back to the page first asked for, with the console loaded.
    await ui.page.waitForURL(/#\/clients$/);
    await expect.poll(() => ui.page.locator('table thead').innerText(), SLOW).toMatch(/利用者番号|氏名/);
    expect(scripts.some((s) => s.startsWith('console-libs-'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('draws the reports and the calendar, each loaded when opened', async () => {
    const scripts = scriptsFetched(ui.page);
    const errors: string[] = [];
    ui.page.on('pageerror', (error) => errors.push(error.message));
    await ui.page.goto('/#/reports');
    await expect.poll(() => ui.page.locator('body').innerText(), SLOW).toContain('当期');
    await expect.poll(() => ui.page.locator('body').innerText(), SLOW).toContain('前期');
    expect(scripts.some((s) => s.startsWith('ReportsPage-'))).toBe(true);
    await screenshot(ui.page, 'bundle-reports-ja');

    await ui.page.goto('/#/calendar');
    // The month view: its title and the weekday headers, Monday first.
    await expect.poll(() => ui.page.getByTestId('calendar').innerText(), SLOW).toMatch(/\d{4}年\d{1,2}月/);
    await expect.poll(() => ui.page.getByTestId('calendar').innerText(), SLOW).toMatch(/月曜日[\s\S]*火曜日[\s\S]*日曜日/);
    expect(scripts.some((s) => s.startsWith('CalendarPage-'))).toBe(true);
    await screenshot(ui.page, 'bundle-calendar-ja');
    expect(errors).toEqual([]);
  });

  it('comes back to the light login page on signing out, and signs in again', async () => {
    await ui.page.goto('/#/');
    await ui.page.getByRole('button', { name: 'プロフィール' }).click();
    await ui.page.getByRole('menuitem', { name: 'ログアウト' }).click();
    await ui.page.getByLabel('メールアドレス').waitFor();
    expect(ui.page.url()).toMatch(/#\/login$/);
    await login(ui.page, 'coordinator@demo.otonari.example');
    await expect.poll(() => ui.page.locator('body').innerText(), SLOW).toContain('おつかれさまです');
  });
});
