import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, pickerText, screenshot, typeInPicker } from './helpers/browser.js';
import { api } from './helpers/casework.js';
import { startServer, type RunningServer } from './helpers/server.js';
import type { Browser } from 'playwright-core';

/**
 * The console's date-time pickers on a laptop set to Los Angeles time and a US English browser
 * (whose native inputs would show mm/dd/yyyy and AM/PM): in both of the console's languages the
 * field reads year first on a 24-hour clock, the calendar's weeks start on Monday, and what is
 * saved is the Tokyo time typed.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;

/** A page in its own browser context (its own session), on the laptop described above. */
async function laptopPage(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1366, height: 900 },
  });
  const opened = await context.newPage();
  opened.setDefaultTimeout(15_000);
  return opened;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await laptopPage();
  await login(page, 'coordinator@demo.otonari.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Client = { id: number; archived_at: string | null };

const consentAt = async (id: number) => (await server.knex('clients').where({ id }).first('consent_at')).consent_at as Date;

async function editConsent(id: number, label: string, typed: string, calendarButton: RegExp, heading: string) {
  await page.goto(`/#/clients/${id}`);
  await typeInPicker(page, label, typed);
  const shown = await pickerText(page, label);
  // Year, month, day, hour, minute: no meridiem section, no AM/PM or 午前/午後 anywhere in the field.
  expect(shown).toBe(typed.replace('T', '-').replace(':', '-').split('-').join('|'));
  expect(await page.getByRole('group', { name: label }).innerText()).not.toMatch(/AM|PM|午前|午後/);

  await page.getByRole('group', { name: label }).getByRole('button', { name: calendarButton }).click();
  const calendar = page.getByRole('dialog');
  const weekdays = await calendar.getByRole('columnheader').allInnerTexts();
  expect(await calendar.innerText()).toContain(heading);
  expect(await calendar.innerText()).not.toMatch(/\b(AM|PM)\b|午前|午後/);
  await screenshot(page, `pickers-calendar-${calendarButton.source.startsWith('Choose') ? 'en' : 'ja'}`);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  return weekdays;
}

describe('date and time pickers', () => {
  it('read 2026/11/20 14:30 on a 24-hour clock with Monday weeks and save that Tokyo time, in Japanese and in English', async () => {
    const clients = await api<Client[]>(page.request, 'GET', '/api/clients?range=[0,9]');
    const client = clients.find((c) => !c.archived_at)!;

    const ja = await editConsent(client.id, '利用の同意日時', '2026-11-20T14:30', /日付を選択/, '2026年11月');
    expect(ja.slice(0, 7)).toEqual(['月', '火', '水', '木', '金', '土', '日']);
    await screenshot(page, 'pickers-datetime-ja');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => consentAt(client.id).then((d) => d.toISOString())).toBe('2026-11-20T05:30:00.000Z');

    await page.getByRole('button', { name: /日本語/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const en = await editConsent(client.id, 'Consent to use given', '2026-11-21T09:05', /Choose date/, 'November 2026');
    expect(en.slice(0, 7)).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    await screenshot(page, 'pickers-datetime-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => consentAt(client.id).then((d) => d.toISOString())).toBe('2026-11-21T00:05:00.000Z');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: '日本語' }).click();
  });

  it('filters the requests by a typed date, and an admin saves a 24-hour closing time', async () => {
    await page.goto('/#/support-requests');
    await page.getByRole('button', { name: '検索条件' }).click();
    await page.getByRole('menuitemcheckbox', { name: '受付日（から）' }).click();
    await typeInPicker(page, '受付日（から）', '2026-11-01');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"received_at_gte":"2026-11-01"');
    expect(await pickerText(page, '受付日（から）')).toBe('2026|11|01');
    await screenshot(page, 'pickers-filter-ja');

    const admin = await laptopPage();
    await login(admin, 'admin@demo.otonari.example');
    await admin.goto('/#/settings');
    await typeInPicker(admin, '終了時刻', '17:45');
    expect(await pickerText(admin, '終了時刻')).toBe('17|45');
    await screenshot(admin, 'pickers-settings-ja');
    await admin.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await api<{ service_end: string }>(admin.request, 'GET', '/api/settings')).service_end).toBe('17:45');
    await admin.context().close();
  });
});
