import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { api } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('volunteers@demo.otonari.example');

describe('roster import', () => {
  it('checks a file, shows a possible duplicate of a registered volunteer, and imports it', async () => {
    const [known] = await api<{ volunteer_no: string; name: string; phone: string | null }[]>(
      ui.page.request,
      'GET',
      `/api/volunteers?filter=${encodeURIComponent('{"status":"active"}')}&range=[0,49]`,
    ).then((all) => all.filter((v) => v.phone));
    const stamp = Date.now().toString().slice(-6);
    const file = `\uFEFF氏名,言語,電話番号\r\n取込 太郎${stamp},ja en,${known!.phone}\r\n取込 花子${stamp},ja vi,\r\n`;

    await ui.page.goto('/#/imports');
    await ui.page.getByRole('radio', { name: 'ボランティア' }).check();
    await ui.page
      .locator('input[type=file]')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await ui.page.getByRole('button', { name: '内容を確認' }).click();

    const warnings = ui.page.getByRole('table', { name: '重複の可能性がある行' });
    await expect.poll(() => warnings.innerText()).toContain(`登録済みの ${known!.volunteer_no}「${known!.name}」と電話番号が同じです`);
    expect(await warnings.innerText()).toMatch(/^\s*行[\s\S]*\n2\t電話番号/m);
    await screenshot(ui.page, 'import-duplicate-warning');

    // No 「エラーはありません」 while a row may be a duplicate, and no import before they are accepted.
    expect(await ui.page.getByText('エラーはありません').count()).toBe(0);
    expect(await ui.page.getByText('2 行のうち 1 行が').count()).toBe(1);
    const importButton = ui.page.getByRole('button', { name: '取り込む' });
    expect(await importButton.isDisabled()).toBe(true);
    await ui.page.getByRole('checkbox', { name: /重複の可能性を確認しました/ }).check();
    expect(await ui.page.getByRole('link', { name: /サンプルファイル/ }).getAttribute('href')).toBeTruthy();
    await importButton.click();
    await expect
      .poll(() => ui.page.getByRole('alert').filter({ hasText: '取り込みました' }).first().innerText())
      .toContain('2 件を取り込みました');
    const found = await api<{ name: string }[]>(
      ui.page.request,
      'GET',
      `/api/volunteers?filter=${encodeURIComponent(JSON.stringify({ q: stamp }))}`,
    );
    expect(found.map((v) => v.name).sort()).toEqual([`取込 太郎${stamp}`, `取込 花子${stamp}`]);
  });
});
