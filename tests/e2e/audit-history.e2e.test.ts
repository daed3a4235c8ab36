import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { api } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('admin@demo.otonari.example');

describe('audit log from a record', () => {
  it("answers who read a resident's special-care notes from the client's page", async () => {
    const clients = await api<{ id: number; client_no: string; name: string }[]>(
      ui.page.request,
      'GET',
      `/api/clients?range=[0,9]&sort=${encodeURIComponent('["client_no","ASC"]')}`,
    );
    const target = clients[0]!;
    await api(ui.page.request, 'PUT', `/api/clients/${target.id}`, {
      ...(await api<Record<string, unknown>>(ui.page.request, 'GET', `/api/clients/${target.id}`)),
      special_care_notes: '通院中 (E2E)',
      consent_at: '2026-04-01T10:00:00+09:00',
    });
    // A coordinator reads the notes elsewhere.
    const other = await ui.browser.newContext({ baseURL: ui.server.url });
    const login = await other.request.post('/api/auth/login', {
      data: { email: 'coordinator@demo.otonari.example', password: 'otonari-demo-2026' },
    });
    expect(login.status()).toBe(200);
    expect((await other.request.get(`/api/clients/${target.id}`)).status()).toBe(200);
    await other.close();

    await ui.page.goto(`/#/clients/${target.id}/show`);
    await ui.page.getByRole('link', { name: 'この記録の閲覧・変更履歴' }).click();
    await ui.page.waitForURL(/#\/audit-log/);
    const rows = ui.page.locator('tbody tr');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/高木 陽子[\s\S]*閲覧[\s\S]*要配慮事項/)]));
    const text = (await rows.allInnerTexts()).join('\n');
    expect(text).toContain(target.client_no);
    expect(text).not.toContain('special_care_notes');
    await screenshot(ui.page, 'audit-client-history');

    // The same question with the filters: readable number and action.
    await ui.page.goto('/#/audit-log');
    await ui.page.getByLabel('番号 (C-/V-/R-)').fill(target.client_no);
    await expect.poll(async () => (await rows.allInnerTexts()).every((r) => r.includes(target.client_no))).toBe(true);
  });
});
