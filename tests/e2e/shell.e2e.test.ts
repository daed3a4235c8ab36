import { describe, expect, it } from 'vitest';
import { login, screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole();

describe('console shell', () => {
  it('logs a coordinator in to the Japanese dashboard', async () => {
    await login(ui.page, 'coordinator@demo.otonari.example');
    await expect.poll(() => ui.page.locator('body').innerText()).toContain('おつかれさまです');
    await expect.poll(() => ui.page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['関連団体']));
    await screenshot(ui.page, 'dashboard-ja');
  });

  it('shows the home screen’s cards with GET /api/dashboard’s numbers, each a link to its filtered list', async () => {
    const d = await (await ui.page.request.get('/api/dashboard')).json();
    const card = (filter: object, resource = 'support-requests') =>
      ui.page.locator(`a[href="#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}"]`).first();
    for (const [status, n] of Object.entries(d.requests_by_status as Record<string, number>)) {
      await expect.poll(() => card({ status }).innerText(), { message: status }).toContain(String(n));
    }
    const myWork = ui.page.getByTestId('my-work');
    for (const [status, c] of Object.entries(d.my_work.mine as Record<string, { count: number; filter: object }>)) {
      await expect
        .poll(() => myWork.locator(`a[href="#/support-requests?filter=${encodeURIComponent(JSON.stringify(c.filter))}"]`).innerText(), {
          message: status,
        })
        .toContain(String(c.count));
    }
    expect(Object.values(d.my_work.mine as Record<string, { count: number }>).some((c) => c.count > 0)).toBe(true);
    await expect
      .poll(() => card(d.my_work.waiting_answer.filter, 'assignments').innerText())
      .toContain(String(d.my_work.waiting_answer.count));
    await expect.poll(() => ui.page.getByTestId('follow-up-widget').innerText()).toContain(String(d.follow_ups.count));
    await expect.poll(() => ui.page.getByTestId('outbox-held').innerText()).toContain(String(d.outbox.held));
    await expect.poll(() => ui.page.getByTestId('self-reports-widget').innerText()).toContain(String(d.self_reports.count));
    // A card opens its list with the same filter, and the list finds as many.
    await card(d.my_work.mine.received.filter).click();
    await ui.page.waitForURL(/#\/support-requests\?/);
    await ui.page.goto('/#/');
  });

  it('opens a list from the menu with Japanese column headers', async () => {
    await ui.page.getByRole('menuitem', { name: '関連団体' }).click();
    await ui.page.waitForURL(/#\/partners/);
    const table = ui.page.locator('table');
    await expect.poll(() => table.locator('thead').innerText()).toMatch(/団体名/);
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(ui.page, 'partners-ja');
  });

  it('switches to English and keeps the choice', async () => {
    await ui.page.getByRole('button', { name: /日本語/ }).click();
    await ui.page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => ui.page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['Partner organisations']));
    await ui.page.reload();
    await expect.poll(() => ui.page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['Partner organisations']));
    await screenshot(ui.page, 'partners-en');
  });
});
