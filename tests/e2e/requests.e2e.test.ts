import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './helpers/browser.js';
import { addDays, api, futureSaturday } from './helpers/casework.js';
import { startServer, type RunningServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.url);
  await login(page, 'coordinator@demo.otonari.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Client = { id: number; client_no: string; name: string; languages: string[]; archived_at: string | null };

const pick = async (label: RegExp, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('requests', () => {
  it('logs a phone request, refuses a Sunday, takes a Saturday, and moves it to matching with the timeline showing it all', async () => {
    const filter = encodeURIComponent(JSON.stringify({ eligibility: 'ofp_member' }));
    const clients = await api<Client[]>(page.request, 'GET', `/api/clients?filter=${filter}&range=[0,24]`);
    const client = clients.find((c) => !c.archived_at && c.languages.length > 0)!;
    const saturday = futureSaturday(2);
    const sunday = addDays(saturday, 1);

    await page.goto('/#/support-requests/create');
    await page.getByRole('combobox', { name: /^利用者/ }).fill(client.client_no);
    await page.getByRole('option', { name: new RegExp(`^${client.client_no}`) }).click();
    // The language follows the client's first language without being asked.
    await expect.poll(() => page.getByRole('combobox', { name: '言語', exact: true }).inputValue()).not.toBe('');
    await page.getByRole('radio', { name: '医療' }).check();
    await pick(/^支援内容/, '病院への受診同行');
    await page.getByRole('textbox', { name: '場所', exact: true }).fill('区内の内科クリニック');

    const time = page.getByTestId('service-time');
    await page.getByLabel('日付').fill(sunday);
    await pick(/^開始/, '10:00');
    await pick(/^終了/, '12:00');
    await expect.poll(() => time.innerText()).toContain('日曜日はサービス提供日ではありません');
    await screenshot(page, 'request-sunday-refused');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => time.getByRole('alert').innerText()).toContain('日曜日');
    expect(page.url()).toContain('/support-requests/create');

    await page.getByLabel('日付').fill(saturday);
    await expect.poll(() => time.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/support-requests\/\d+\/show/);
    const header = page.getByTestId('request-header');
    await expect.poll(() => header.innerText()).toContain('受付');

    await page.getByRole('button', { name: '内容確認を始める' }).click();
    await expect.poll(() => header.innerText()).toContain('内容確認中');
    await page.getByRole('button', { name: 'マッチングを始める' }).click();
    await expect.poll(() => header.innerText()).toContain('マッチング中');

    await page.getByRole('textbox', { name: /^内容/ }).fill('本人に電話。土曜の午前を希望。');
    await page.getByRole('button', { name: '履歴に追加' }).click();

    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.getByTestId('timeline-entry').allInnerTexts()).toEqual([
      expect.stringContaining('本人に電話。土曜の午前を希望。'),
      expect.stringContaining('内容確認中 → マッチング中'),
      expect.stringContaining('受付 → 内容確認中'),
      expect.stringContaining('受付'),
    ]);
    const id = Number(/support-requests\/(\d+)/.exec(page.url())![1]);
    const stored = await api<{ status: string; start_at: string; client_id: number; language: string }>(page.request, 'GET', `/api/support-requests/${id}`);
    expect(stored).toMatchObject({ status: 'matching', start_at: `${saturday}T10:00:00+09:00`, client_id: client.id, language: client.languages[0] });
    await screenshot(page, 'request-matching');
  });
});
