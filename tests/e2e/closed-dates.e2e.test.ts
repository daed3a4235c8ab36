import { describe, expect, it } from 'vitest';
import { login, newPage, screenshot, typeInPicker } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';
import { addDays, futureSaturday, isoWeekday } from './helpers/casework.js';

const ui = useConsole('coordinator@demo.otonari.example');

const pick = async (label: RegExp, option: string) => {
  await ui.page.getByRole('combobox', { name: label }).click();
  await ui.page.getByRole('option', { name: option, exact: true }).click();
};

/** The coming 12/30 in Japan (this year's, or next year's once it has passed). */
function comingDecember30(): string {
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const thisYear = `${today.slice(0, 4)}-12-30`;
  return today <= thisYear ? thisYear : `${Number(today.slice(0, 4)) + 1}-12-30`;
}

/** A Monday–Saturday at least a month ahead, outside the year-end break. */
function ordinaryDay(): string {
  let day = addDays(new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10), 35);
  while (isoWeekday(day) === 7 || day.slice(5) >= '12-29' || day.slice(5) <= '01-03') day = addDays(day, 1);
  return day;
}

describe('closed dates (休業期間)', () => {
  it('refuses 12/30 in the request form with its reason before saving', async () => {
    await ui.page.setViewportSize({ width: 1366, height: 900 });
    const day = comingDecember30();
    await ui.page.goto('/#/support-requests/create');
    const time = ui.page.getByTestId('service-time');
    // The hint under the pickers names the closed periods before anything is picked.
    await expect.poll(() => time.innerText()).toContain('休業期間: 年末年始 (毎年 12/29〜1/3)');
    await typeInPicker(ui.page, '日付', day);
    await pick(/^開始/, '10:00');
    await pick(/^終了/, '12:00');
    await expect.poll(() => time.getByRole('alert').innerText()).toContain(`${day} は休業期間「年末年始」`);
    await screenshot(ui.page, 'closed-date-refused');
    await ui.page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => time.getByRole('alert').innerText()).toContain('年末年始');
    expect(ui.page.url()).toContain('/support-requests/create');
  });

  it('warns, without refusing, of a ward-office accompaniment on a Saturday', async () => {
    await ui.page.goto('/#/support-requests/create');
    await ui.page.reload();
    await ui.page.getByRole('radio', { name: '行政手続き' }).check();
    await pick(/^支援内容/, '区役所手続きへの同行');
    let saturday = futureSaturday(7);
    while (saturday.slice(5) >= '12-29' || saturday.slice(5) <= '01-03') saturday = addDays(saturday, 7);
    await typeInPicker(ui.page, '日付', saturday);
    await pick(/^開始/, '10:00');
    await pick(/^終了/, '11:00');
    const warnings = ui.page.getByTestId('task-warnings');
    await expect.poll(() => warnings.innerText()).toContain('土曜日です。区役所の多くは');
    expect(await ui.page.getByTestId('service-time').getByRole('alert').count()).toBe(0);
    await screenshot(ui.page, 'ward-office-saturday-warning');
  });

  it('lets an admin add a closed day on its own page, which the request form then refuses', async () => {
    const admin = await newPage(ui.browser, ui.server.url);
    await admin.setViewportSize({ width: 1366, height: 900 });
    await login(admin, 'admin@demo.otonari.example');
    await admin.getByRole('menuitem', { name: '休業期間' }).click();
    await admin.waitForURL(/#\/closed-dates/);
    const table = admin.locator('table');
    await expect.poll(() => table.locator('thead').innerText()).toMatch(/期間[\s\S]*理由[\s\S]*毎年/);
    await expect.poll(() => table.locator('tbody').innerText()).toMatch(/毎年 12\/29〜1\/3\s+年末年始/);
    await screenshot(admin, 'closed-dates-list-ja');

    const day = ordinaryDay();
    await admin.getByRole('link', { name: '作成' }).click();
    await typeInPicker(admin, '開始日', day);
    await typeInPicker(admin, '終了日', day);
    await admin.getByLabel('理由').fill('職員研修');
    await screenshot(admin, 'closed-dates-create-ja');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.waitForURL(/#\/closed-dates$/);
    await expect.poll(() => table.locator('tbody').innerText()).toContain('職員研修');

    await ui.page.goto('/#/support-requests/create');
    await ui.page.reload();
    const time = ui.page.getByTestId('service-time');
    await typeInPicker(ui.page, '日付', day);
    await pick(/^開始/, '10:00');
    await pick(/^終了/, '11:00');
    await expect.poll(() => time.getByRole('alert').innerText()).toContain('休業期間「職員研修」');

    await admin.getByRole('button', { name: /日本語/ }).click();
    await admin.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => table.locator('thead').innerText()).toMatch(/Period[\s\S]*Reason[\s\S]*Every year/);
    await expect.poll(() => table.locator('tbody').innerText()).toMatch(/Every year 12\/29–1\/3/);
    await screenshot(admin, 'closed-dates-list-en');
    await admin.getByRole('button', { name: /English/ }).click();
    await admin.getByRole('menuitem', { name: '日本語' }).click();
  });
});
