import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const NAME = '青木 七海';
const KANA = 'アオキ ナナミ';
const PHONE = '090-7000-1234';

const ui = useConsole('volunteers@demo.otonari.example');

const slot = (row: number) => ui.page.getByRole('group', { name: `${row}行目の時間帯` });

describe('volunteer staff keeps volunteers', () => {
  it('adds a volunteer with weekly availability', async () => {
    await ui.page.goto('/#/volunteers/create');
    await ui.page.getByLabel('氏名').fill(NAME);
    await ui.page.getByLabel('フリガナ').fill(KANA);
    await ui.page.getByLabel('電話番号').fill(PHONE);
    await ui.page.getByLabel('居住区市町村').fill('目黒');
    await ui.page.getByRole('option', { name: '目黒区' }).click();
    await ui.page.getByLabel('病院への受診同行').check();

    await ui.page.getByRole('button', { name: '時間帯を追加' }).click();
    await slot(1).getByLabel('終了').selectOption('12:30');
    await ui.page.getByRole('button', { name: '時間帯を追加' }).click();
    await slot(2).getByLabel('曜日').selectOption({ label: '土' });
    await slot(2).getByLabel('開始').selectOption('15:00');
    await slot(2).getByLabel('終了').selectOption('14:00');
    // The rule the ui.server applies on save, shown while the form is still being filled in.
    await expect.poll(() => slot(2).innerText()).toContain('終了時刻は開始時刻より後にしてください。');
    await slot(2).getByLabel('終了').selectOption('17:00');
    await expect.poll(() => slot(2).innerText()).not.toContain('終了時刻');
    await screenshot(ui.page, 'volunteer-create');

    await ui.page.getByRole('button', { name: '保存' }).click();
    await ui.page.waitForURL(/#\/volunteers\/\d+\/show$/);
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('09:00〜12:30');
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('15:00〜17:00');
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('未確認');
  });

  it('records an ID check from the volunteer page', async () => {
    await ui.page.getByRole('tab', { name: '本人確認' }).click();
    await ui.page.getByRole('link', { name: '本人確認を記録' }).click();
    await ui.page.waitForURL(/#\/id-checks\/create/);
    // Prefilled with the volunteer the button was pressed for.
    await expect.poll(() => ui.page.getByLabel('ボランティア').inputValue()).toContain(NAME);
    await ui.page.getByLabel('確認書類').click();
    await ui.page.getByRole('option', { name: '運転免許証' }).click();
    await ui.page.getByRole('button', { name: '保存' }).click();

    await ui.page.waitForURL(/#\/volunteers\/\d+\/show\/id-checks$/);
    const rows = ui.page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().innerText()).toMatch(/対面[\s\S]*運転免許証[\s\S]*確認済み/);
    await screenshot(ui.page, 'volunteer-id-checks');
  });

  it('finds the volunteer by kana typed in hiragana, with the check now valid', async () => {
    await ui.page.getByRole('menuitem', { name: 'ボランティア' }).click();
    await ui.page.waitForURL(/#\/volunteers(\?|$)/);
    await ui.page.getByPlaceholder('検索').fill('あおき');
    const rows = ui.page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain(NAME);
    expect(row).toContain(KANA);
    expect(row).toContain('目黒区');
    expect(row).not.toContain('未確認');
    await screenshot(ui.page, 'volunteer-found-by-kana');
  });

  it('warns of a likely duplicate before a second record is saved', async () => {
    await ui.page.goto('/#/volunteers/create');
    await ui.page.getByLabel('電話番号').fill(PHONE.replace(/-/g, ' '));
    const warning = ui.page.getByRole('alert').filter({ hasText: '同じ人がすでに登録されているかもしれません' });
    await expect.poll(() => warning.innerText()).toContain(NAME);
    await expect.poll(() => warning.innerText()).toContain('電話番号が同じ');
  });
});
