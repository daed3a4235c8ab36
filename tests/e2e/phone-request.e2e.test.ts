import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('coordinator@demo.otonari.example');

describe('a phone request in one screen', () => {
  it('registers a new resident with the eligibility rule in view, logs the request and reaches the candidates in one click', async () => {
    const stamp = Date.now().toString().slice(-6);
    const name = `電話 太郎${stamp}`;
    await ui.page.goto('/#/');
    // My work comes first on the coordinator's home.
    await expect.poll(() => ui.page.getByTestId('my-work').innerText()).toContain('担当している依頼');
    await ui.page.getByRole('menuitem', { name: '新しい依頼 (電話)' }).click();
    await ui.page.waitForURL(/#\/support-requests\/create/);
    // The coordinator taking the call is the request's coordinator already.
    await expect.poll(() => ui.page.getByRole('combobox', { name: /担当コーディネーター/ }).innerText()).toContain('高木 陽子');

    await ui.page.getByRole('combobox', { name: /^利用者/ }).fill(name);
    await ui.page.getByRole('option', { name: `「${name}」を新しい利用者として登録` }).click();
    const dialog = ui.page.getByRole('dialog');
    // The phase's rule is said before saving: no 「一般」 default, and a warning until a member kind is chosen.
    await expect.poll(() => dialog.getByTestId('eligibility-rule').innerText()).toContain('会員のみの期間');
    await screenshot(ui.page, 'phone-request-eligibility-rule');
    await dialog.getByRole('combobox', { name: /使用言語/ }).fill('ウクライナ');
    await ui.page.getByRole('option', { name: 'ウクライナ語' }).click();
    await dialog.getByLabel('利用資格').click();
    await ui.page.getByRole('option', { name: 'OFP会員' }).click();
    await dialog.getByLabel('OFP会員番号').fill(`OFP-TEL-${stamp}`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => ui.page.getByRole('combobox', { name: /^利用者/ }).inputValue()).toContain(name);
    // Close the resident picker's list, which stays open after the dialog.
    await ui.page.keyboard.press('Escape');
    await ui.page.getByRole('heading', { name: /依頼の内容/ }).click();

    await ui.page.getByRole('radio', { name: '医療' }).check();
    await ui.page.getByRole('combobox', { name: /^支援内容/ }).click();
    await ui.page.getByRole('option', { name: '病院への受診同行', exact: true }).click();
    await ui.page.getByRole('button', { name: '保存' }).click();
    await ui.page.waitForURL(/#\/support-requests\/\d+\/show/);

    // Forward is the primary action; one click reaches the candidates.
    const start = ui.page.getByTestId('status-actions').getByRole('button', { name: 'マッチングを始める' });
    expect(await start.getAttribute('class')).toMatch(/MuiButton-contained/);
    await start.click();
    await expect.poll(() => ui.page.getByTestId('request-header').innerText()).toContain('マッチング中');
    await expect.poll(() => ui.page.getByRole('heading', { name: '候補のボランティア' }).count()).toBe(1);
    // The step back is a text button, never the primary one.
    const back = ui.page.getByTestId('status-actions').getByRole('button', { name: '内容確認に戻す' });
    expect(await back.getAttribute('class')).toMatch(/MuiButton-text/);
    const timeline = ui.page.getByTestId('timeline');
    await expect.poll(() => timeline.innerText()).toContain('受付 → 内容確認中');
    expect(await timeline.innerText()).toContain('内容確認中 → マッチング中');
    await screenshot(ui.page, 'phone-request-candidates');
  });
});
