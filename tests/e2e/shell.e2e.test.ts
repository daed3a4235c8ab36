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
