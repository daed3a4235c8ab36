import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';
import { api, futureSaturday, requestInMatching } from './helpers/casework.js';

const ui = useConsole('coordinator@demo.otonari.example');

describe('matching', () => {
  it('shows candidates with reasons, proposes one, marks accepted, confirms, and the request is confirmed', async () => {
    // Five weeks ahead: past anything the demo data has planned, within every valid ID check.
    const { request, volunteer } = await requestInMatching(ui.page.request, futureSaturday(35));
    await ui.page.goto(`/#/support-requests/${request.id}/show`);

    const candidate = ui.page.getByTestId('candidate-row').filter({ hasText: volunteer.volunteer_no });
    await expect.poll(() => candidate.innerText()).toContain('依頼の言語を話せる');
    await screenshot(ui.page, 'matching-candidates');
    await candidate.getByRole('button', { name: '提案' }).click();

    const assignment = ui.page.getByTestId('assignment-row').filter({ hasText: volunteer.volunteer_no });
    await expect.poll(() => assignment.innerText()).toContain('候補');
    await assignment.getByRole('button', { name: '依頼文' }).click();
    const dialog = ui.page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('textbox', { name: '件名' }).inputValue()).toContain(request.request_no);
    await expect.poll(() => dialog.getByRole('link', { name: 'メールソフトで開く' }).getAttribute('href')).toMatch(/^mailto:/);
    await dialog.getByRole('button', { name: '閉じる' }).click();

    await assignment.getByRole('button', { name: '承諾' }).click();
    await expect.poll(() => assignment.innerText()).toContain('承諾');
    await assignment.getByRole('button', { name: '確定' }).click();

    const header = ui.page.getByTestId('request-header');
    await expect.poll(() => header.innerText()).toContain('確定');
    await expect.poll(() => assignment.getByRole('button', { name: '取消' }).count()).toBe(1);
    await expect.poll(() => ui.page.getByTestId('timeline').innerText()).toContain('マッチング中 → 確定');
    const stored = await api<{ status: string }>(ui.page.request, 'GET', `/api/support-requests/${request.id}`);
    expect(stored.status).toBe('confirmed');
    await screenshot(ui.page, 'matching-confirmed');
  });
});
