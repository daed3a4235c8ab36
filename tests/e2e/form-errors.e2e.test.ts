import { describe, expect, it } from 'vitest';
import { useConsole } from './helpers/session.js';
import { api, confirmedRequest, futureSaturday } from './helpers/casework.js';

const ui = useConsole('coordinator@demo.otonari.example');

describe('form errors from the server', () => {
  it("shows the server's message beside the refused field, keeps what was typed, stores nothing, then saves the corrected value", async () => {
    const { request } = await confirmedRequest(ui.page.request, futureSaturday(21));
    await ui.page.goto(`/#/support-requests/${request.id}/show`);
    const form = ui.page.getByTestId('expense-add');
    const amount = form.getByRole('spinbutton', { name: /金額/ });

    // The browser only checks for a number of at least 0; the upper bound is the server's (the settings' cap).
    await amount.fill('420000');
    await form.getByRole('button', { name: '追加' }).click();
    await expect.poll(() => form.innerText()).toContain('1 件の費用は 50,000 円以下にしてください (設定の上限)。');
    expect(await amount.inputValue()).toBe('420000');
    const none = await api<unknown[]>(
      ui.page.request,
      'GET',
      `/api/expenses?filter=${encodeURIComponent(JSON.stringify({ request_id: request.id }))}`,
    );
    expect(none).toEqual([]);

    await amount.fill('420');
    await form.getByRole('button', { name: '追加' }).click();
    const row = ui.page.getByTestId('request-expenses').getByTestId('expense-row');
    await expect.poll(() => row.allInnerTexts()).toEqual([expect.stringMatching(/交通費\s+[¥￥]420/)]);
    await expect.poll(() => form.innerText()).not.toContain('50,000');
  });
});
