import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';
import { api, apiAs, at, createClient, futureSaturday, requestInMatching } from './helpers/casework.js';
import { tokyoDate } from '../../server/domain/time.js';

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

  it('shows the best 20 candidates with how many qualify, and 20 more at a click', async () => {
    // 23 volunteers who can all take an online Swahili request on a Saturday morning.
    const day = futureSaturday(42);
    const stamp = Date.now();
    // Volunteer staff keep the roster; the coordinator's page only reads it.
    const staff = await apiAs(ui.server.url, 'volunteers@demo.otonari.example');
    for (let i = 0; i < 23; i++) {
      const v = await api<{ id: number }>(staff, 'POST', '/api/volunteers', {
        name: `E2E 候補 ${i + 1}`,
        languages: ['ja', 'sw'],
        online_ok: true,
        availability: [{ weekday: 6, start: '09:00', end: '17:00' }],
      });
      await api(staff, 'POST', '/api/id-checks', {
        volunteer_id: v.id,
        checked_on: tokyoDate(new Date()),
        method: 'in_person',
        document_type: 'my_number_card',
        result: 'passed',
      });
    }
    await staff.dispose();
    const client = await createClient(ui.page.request, `E2E 利用者 ${stamp}`, 'sw');
    const request = await api<{ id: number }>(ui.page.request, 'POST', '/api/support-requests', {
      client_id: client.id,
      channel: 'phone',
      category: 'medical',
      task_type: 'hospital',
      mode: 'online',
      language: 'sw',
      start_at: at(day, '10:00'),
      end_at: at(day, '11:00'),
    });
    for (const status of ['checking', 'matching'])
      await api(ui.page.request, 'POST', `/api/support-requests/${request.id}/status`, { status });
    const total = Number((await ui.page.request.get(`/api/support-requests/${request.id}/candidates?limit=1`)).headers()['x-total-count']);
    expect(total).toBeGreaterThanOrEqual(23);

    await ui.page.goto(`/#/support-requests/${request.id}/show`);
    const rows = ui.page.getByTestId('candidate-row');
    await expect.poll(() => rows.count()).toBe(20);
    await expect.poll(() => ui.page.getByTestId('candidates-shown').innerText()).toBe(`条件に合う ${total} 人のうち、点数の高い 20 人`);
    await ui.page.getByTestId('candidates-more').click();
    await expect.poll(() => rows.count()).toBe(Math.min(40, total));
    await screenshot(ui.page, 'matching-more-candidates');
  });
});
