import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultMonth, splitMonth } from '../../admin/reports/period.js';
import { login, screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole();

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const HEADER = ['区分', '項目', '当期', '前期', '増減'];

const firstLine = (text: string) => text.split('\r\n')[0]!.split(',');
/** The table's header: below the title and period rows. */
const headerLine = (text: string) =>
  text
    .split('\r\n')
    .find((line) => line.startsWith('区分,'))!
    .split(',');

/** Clicks a download link and returns the downloaded file's bytes. */
async function download(name: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByRole('link', { name }).click()]);
  expect(await file.failure()).toBeNull();
  return { file, bytes: await readFile((await file.path())!) };
}

/** A KPI card's number as the ui.page shows it (ja-JP); suppressed values are text, as the ui.server wrote them. */
const shown = (value: number | string | null, style?: 'yen') =>
  typeof value === 'number'
    ? value.toLocaleString('ja-JP', style === 'yen' ? { style: 'currency', currency: 'JPY' } : {})
    : String(value ?? '—');

describe('reports', () => {
  it('the secretariat opens the dashboard, picks last month, downloads the external monthly CSV, and the file decodes with the expected header', async () => {
    const month = defaultMonth();
    const [year, month_number] = splitMonth(month);

    await login(ui.page, 'secretariat@demo.otonari.example');
    await expect.poll(() => ui.page.locator('body').innerText()).toContain('おつかれさまです');
    await ui.page.getByRole('menuitem', { name: 'レポート' }).click();
    await ui.page.waitForURL(/#\/reports/);

    // Step away from the default, then pick last month in the year and month selects.
    await ui.page.getByRole('button', { name: '前の月' }).click();
    await ui.page.waitForURL((url) => !url.hash.includes(`month=${month}`));
    await ui.page.getByRole('combobox', { name: /^年/ }).click();
    await ui.page.getByRole('option', { name: `${year}年`, exact: true }).click();
    await ui.page.getByRole('combobox', { name: /^月/ }).click();
    await ui.page.getByRole('option', { name: `${month_number}月`, exact: true }).click();
    await ui.page.waitForURL((url) => url.hash.includes(`month=${month}`));

    await ui.page.getByRole('button', { name: '外部向け', exact: true }).click();
    await ui.page.waitForURL((url) => url.hash.includes('audience=external'));
    // The switch keeps the month picked just before it (it once brought the previous month back).
    expect(new URL(ui.page.url()).hash).toContain(`month=${month}`);

    // The cards show the JSON's figures (page.request shares the browser's session cookie).
    const response = await ui.page.request.get(`/api/reports/monthly?month=${month}&audience=external`);
    expect(response.status()).toBe(200);
    const report = await response.json();
    const card = (name: string) => ui.page.getByRole('group', { name, exact: true }).getByTestId('kpi-value');
    await expect.poll(() => card('受付件数').innerText()).toBe(shown(report.counts.received.value));
    await expect.poll(() => card('未精算の金額').innerText()).toBe(shown(report.amounts.total_outstanding_yen.value, 'yen'));
    await expect.poll(() => card('マッチング成立').innerText()).toBe(shown(report.counts.matched.value));
    expect(await ui.page.locator('body').innerText()).not.toContain('NaN');
    await screenshot(ui.page, 'reports-external');

    // The links follow the audience once the page has taken the switch in.
    await expect.poll(() => ui.page.getByRole('link', { name: 'CSV (UTF-8)' }).getAttribute('href')).toContain('audience=external');
    const utf8 = await download('CSV (UTF-8)');
    expect(utf8.file.suggestedFilename()).toMatch(new RegExp(`^monthly-report_${month}_external_\\d{8}\\.csv$`));
    expect([...utf8.bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    // TextDecoder drops the BOM it recognises, leaving the title as the first characters.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(utf8.bytes);
    expect(firstLine(text)[0]).toBe('スポットおとなりさん 月次レポート');
    expect(headerLine(text)).toEqual(HEADER);
    expect(text).toContain('受付件数');

    const sjis = await download('CSV (Shift_JIS)');
    expect([...sjis.bytes.subarray(0, 3)]).not.toEqual(UTF8_BOM);
    expect(headerLine(iconv.decode(sjis.bytes, 'cp932'))).toEqual(HEADER);
    expect(sjis.file.suggestedFilename()).toMatch(/_sjis\.csv$/);
  });

  it('shows the fiscal year from April to March with the same figures as its JSON', async () => {
    await ui.page.getByRole('button', { name: '年度', exact: true }).click();
    await ui.page.waitForURL((url) => url.hash.includes('year='));
    const year = new URL(ui.page.url().replace('#', '')).searchParams.get('year');
    const report = await (await ui.page.request.get(`/api/reports/fiscal-year?year=${year}&audience=external`)).json();
    expect(report.period.start_date).toBe(`${year}-04-01`);
    await expect
      .poll(() => ui.page.getByRole('group', { name: '受付件数', exact: true }).getByTestId('kpi-value').innerText())
      .toBe(shown(report.counts.received.value));
    await screenshot(ui.page, 'reports-fiscal-year');
  });
});
