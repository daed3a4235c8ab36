import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('console shell', () => {
  it('logs a coordinator in to the Japanese dashboard', async () => {
    await login(page, 'coordinator@demo.otonari.example');
    await expect.poll(() => page.locator('body').innerText()).toContain('おつかれさまです');
    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['関連団体']));
    await screenshot(page, 'dashboard-ja');
  });

  it('opens a list from the menu with Japanese column headers', async () => {
    await page.getByRole('menuitem', { name: '関連団体' }).click();
    await page.waitForURL(/#\/partners/);
    const table = page.locator('table');
    await expect.poll(() => table.locator('thead').innerText()).toMatch(/団体名/);
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'partners-ja');
  });

  it('switches to English and keeps the choice', async () => {
    await page.getByRole('button', { name: /日本語/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['Partner organisations']));
    await page.reload();
    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining(['Partner organisations']));
    await screenshot(page, 'partners-en');
  });
});
