import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';
import { api, confirmedRequest, pastSaturday } from './helpers/casework.js';

const ui = useConsole('coordinator@demo.otonari.example');

describe('completion', () => {
  it('records the outcome and a 420-yen transport cost, marks it settled, and closes the request', async () => {
    // An activity that has taken place (reports of future activities are refused), before any demo data.
    const { request } = await confirmedRequest(ui.page.request, pastSaturday(120));
    await ui.page.goto(`/#/support-requests/${request.id}/show`);
    const header = ui.page.getByTestId('request-header');
    await expect.poll(() => header.innerText()).toContain('確定');

    const completion = ui.page.getByTestId('completion-form');
    await completion.getByRole('radio', { name: '解決', exact: true }).check();
    await completion.getByRole('textbox', { name: '活動内容' }).fill('受診に同行し、問診票の記入と医師の説明を通訳した。');
    await completion.getByRole('button', { name: '活動報告を登録' }).click();
    await expect.poll(() => header.innerText()).toContain('活動済み');
    await expect.poll(() => ui.page.getByTestId('activity-report').innerText()).toContain('解決');

    const expenses = ui.page.getByTestId('request-expenses');
    await expenses.getByRole('spinbutton', { name: /金額/ }).fill('420');
    await expenses.getByRole('button', { name: '追加' }).click();
    const row = expenses.getByTestId('expense-row');
    await expect.poll(() => row.allInnerTexts()).toEqual([expect.stringMatching(/交通費\s+[¥￥]420/)]);
    await expect.poll(() => expenses.getByTestId('expense-balance').innerText()).toMatch(/未精算 [¥￥]420/);
    await screenshot(ui.page, 'completion-expense');

    await row.getByRole('button', { name: '精算済みにする' }).click();
    const dialog = ui.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /精算方法/ }).click();
    await ui.page.getByRole('option', { name: '現金' }).click();
    await dialog.getByRole('button', { name: '精算済みにする' }).click();
    await expect.poll(() => expenses.getByTestId('expense-balance').innerText()).toMatch(/未精算 [¥￥]0/);
    await expect.poll(() => row.innerText()).toContain('現金');

    await header.getByRole('button', { name: '完了にする' }).click();
    await expect.poll(() => header.innerText()).toContain('完了');
    await expect.poll(() => ui.page.getByTestId('timeline').innerText()).toContain('活動済み → 完了');
    const stored = await api<{ status: string }>(ui.page.request, 'GET', `/api/support-requests/${request.id}`);
    expect(stored.status).toBe('closed');
    const balance = await api<{ owed_yen: number; outstanding_yen: number }>(
      ui.page.request,
      'GET',
      `/api/support-requests/${request.id}/balance`,
    );
    expect(balance).toMatchObject({ owed_yen: 420, outstanding_yen: 0 });
    await screenshot(ui.page, 'completion-closed');
  });
});
