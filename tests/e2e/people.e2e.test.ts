import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

const NAME = '青木 七海';
const KANA = 'アオキ ナナミ';
const PHONE = '090-7000-1234';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.url);
  await login(page, 'volunteers@demo.otonari.example');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const slot = (row: number) => page.getByRole('group', { name: `${row}行目の時間帯` });

describe('volunteer staff keeps volunteers', () => {
  it('adds a volunteer with weekly availability', async () => {
    await page.goto('/#/volunteers/create');
    await page.getByLabel('氏名').fill(NAME);
    await page.getByLabel('フリガナ').fill(KANA);
    await page.getByLabel('電話番号').fill(PHONE);
    await page.getByLabel('居住区市町村').fill('目黒');
    await page.getByRole('option', { name: '目黒区' }).click();
    await page.getByLabel('病院への受診同行').check();

    await page.getByRole('button', { name: '時間帯を追加' }).click();
    await slot(1).getByLabel('終了').selectOption('12:30');
    await page.getByRole('button', { name: '時間帯を追加' }).click();
    await slot(2).getByLabel('曜日').selectOption({ label: '土' });
    await slot(2).getByLabel('開始').selectOption('15:00');
    await slot(2).getByLabel('終了').selectOption('14:00');
    // The rule the server applies on save, shown while the form is still being filled in.
    await expect.poll(() => slot(2).innerText()).toContain('終了時刻は開始時刻より後にしてください。');
    await slot(2).getByLabel('終了').selectOption('17:00');
    await expect.poll(() => slot(2).innerText()).not.toContain('終了時刻');
    await screenshot(page, 'volunteer-create');

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/volunteers\/\d+\/show$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('09:00〜12:30');
    await expect.poll(() => page.locator('main').innerText()).toContain('15:00〜17:00');
    await expect.poll(() => page.locator('main').innerText()).toContain('未確認');
  });

  it('records an ID check from the volunteer page', async () => {
    await page.getByRole('tab', { name: '本人確認' }).click();
    await page.getByRole('link', { name: '本人確認を記録' }).click();
    await page.waitForURL(/#\/id-checks\/create/);
    // Prefilled with the volunteer the button was pressed for.
    await expect.poll(() => page.getByLabel('ボランティア').inputValue()).toContain(NAME);
    await page.getByLabel('確認書類').click();
    await page.getByRole('option', { name: '運転免許証' }).click();
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/#\/volunteers\/\d+\/show\/id-checks$/);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().innerText()).toMatch(/対面[\s\S]*運転免許証[\s\S]*確認済み/);
    await screenshot(page, 'volunteer-id-checks');
  });

  it('finds the volunteer by kana typed in hiragana, with the check now valid', async () => {
    await page.getByRole('menuitem', { name: 'ボランティア' }).click();
    await page.waitForURL(/#\/volunteers(\?|$)/);
    await page.getByPlaceholder('検索').fill('あおき');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain(NAME);
    expect(row).toContain(KANA);
    expect(row).toContain('目黒区');
    expect(row).not.toContain('未確認');
    await screenshot(page, 'volunteer-found-by-kana');
  });

  it('warns of a likely duplicate before a second record is saved', async () => {
    await page.goto('/#/volunteers/create');
    await page.getByLabel('電話番号').fill(PHONE.replace(/-/g, ' '));
    const warning = page.getByRole('alert').filter({ hasText: '同じ人がすでに登録されているかもしれません' });
    await expect.poll(() => warning.innerText()).toContain(NAME);
    await expect.poll(() => warning.innerText()).toContain('電話番号が同じ');
  });
});
