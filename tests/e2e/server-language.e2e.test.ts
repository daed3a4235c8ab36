import { describe, expect, it } from 'vitest';
import { login, screenshot } from './helpers/browser.js';
import { api, confirmedRequest, futureSaturday } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('coordinator@demo.otonari.example');

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

type Request = { id: number; channel: string; status: string };
type Event = { kind: string; message: unknown; body: string | null };

describe('server sentences in English mode', () => {
  it('keeps a Japanese console Japanese in a browser that prefers English', async () => {
    const context = await ui.browser.newContext({ baseURL: ui.server.url, locale: 'en-US', timezoneId: 'Asia/Tokyo' });
    try {
      const page = await context.newPage();
      await login(page, 'coordinator@demo.otonari.example');
      const { request } = await confirmedRequest(page.request, futureSaturday(28));
      await page.goto(`/#/support-requests/${request.id}/show`);
      const form = page.getByTestId('expense-add');
      await form.getByRole('spinbutton', { name: /金額/ }).fill('420000');
      await form.getByRole('button', { name: '追加' }).click();
      await expect.poll(() => form.innerText()).toContain('1 件の費用は 50,000 円以下にしてください (設定の上限)。');
    } finally {
      await context.close();
    }
  });

  it("shows a refused save's sentence in English, beside the field too", async () => {
    await ui.page.getByRole('button', { name: /日本語/ }).click();
    await ui.page.getByRole('menuitem', { name: 'English' }).click();
    const { request } = await confirmedRequest(ui.page.request, futureSaturday(21));
    await ui.page.goto(`/#/support-requests/${request.id}/show`);
    const form = ui.page.getByTestId('expense-add');
    await form.getByRole('spinbutton', { name: /Amount/ }).fill('420000');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => form.innerText()).toContain('One expense may be at most ¥50,000 (the limit in the settings).');
    expect(await form.innerText()).not.toMatch(/設定の上限/);
    await screenshot(ui.page, 'refused-expense-en');
  });

  it("words the demo requests' server entries in English; staff-typed notes stay as typed", async () => {
    const requests = await api<Request[]>(ui.page.request, 'GET', `/api/support-requests?range=${encodeURIComponent('[0,99]')}`);
    const webForm = requests.find((r) => r.channel === 'web_form');
    const done = requests.find((r) => r.status === 'done' || r.status === 'closed');
    expect(webForm && done).toBeTruthy();
    for (const r of [webForm!, done!]) {
      const events = await api<Event[]>(
        ui.page.request,
        'GET',
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ request_id: r.id }))}&range=${encodeURIComponent('[0,99]')}`,
      );
      await ui.page.goto(`/#/support-requests/${r.id}/show`);
      const entries = ui.page.getByTestId('timeline-entry');
      await expect.poll(() => entries.count()).toBe(events.length);
      // Every entry the server wrote (a code) reads in English: its Japanese sentence is not shown.
      const serverWritten = events.filter((e) => e.message && e.body);
      expect(serverWritten.length).toBeGreaterThan(0);
      const shown = (await entries.allInnerTexts()).join('\n');
      for (const e of serverWritten) {
        expect(JAPANESE.test(e.body!)).toBe(true);
        expect(shown).not.toContain(e.body);
      }
    }
    const all = (await ui.page.getByTestId('timeline-entry').allInnerTexts()).join('\n');
    expect(all).toMatch(/Activity report filed|Received through the web form/);
    await screenshot(ui.page, 'timeline-en');
  });
});
