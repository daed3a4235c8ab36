import { describe, expect, it } from 'vitest';
import { newPage, screenshot } from './helpers/browser.js';
import { api } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('admin@demo.otonari.example');

const LISTS = [
  'support-requests',
  'assignments',
  'activity-reports',
  'expenses',
  'clients',
  'volunteers',
  'id-checks',
  'partners',
  'staff',
  'municipalities',
  'audit-log',
];
const PAGES = [
  '/',
  '/support-requests/create',
  '/clients/create',
  '/volunteers/create',
  '/imports',
  '/follow-ups',
  '/reports',
  '/settings',
  '/account/sessions',
  '/two-factor',
];
const SHOWN = ['support-requests', 'clients', 'volunteers', 'partners', 'id-checks'];

/** Text that is a translation key, a plural form, a column name or a machine time, not words. */
const RAW = [
  { name: 'translation key', pattern: /\b(resources|ra|casework|enums|audit|my_work|reports|imports|totp|account)\.[a-z_-]+\.[a-z_.-]+/ },
  { name: 'plural form', pattern: /\|\|\|\|/ },
  { name: 'snake_case word', pattern: /\b[a-z]+_[a-z_]+\b/ },
  { name: 'ISO timestamp', pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/ },
];

/** In English, dates must not keep the Japanese weekday 「(火)」 or the year-month-day in kanji. */
const RAW_IN_ENGLISH = [{ name: 'Japanese date', pattern: /\d{1,2}\([月火水木金土日]\)|\d{4}年\d{1,2}月/ }];

async function problemsOn(path: string, locale: string): Promise<string[]> {
  await ui.page.goto(`/#${path}`);
  await ui.page.waitForLoadState('networkidle');
  // Lists and pages fill in after their data: wait for the spinner-free page to settle.
  await ui.page.waitForTimeout(300);
  const text = await ui.page.locator('body').innerText();
  return [...RAW, ...(locale === 'en' ? RAW_IN_ENGLISH : [])].flatMap(({ name, pattern }) => {
    const m = text.match(pattern);
    return m ? [`${path}: ${name} 「${m[0]}」`] : [];
  });
}

describe('route walk', () => {
  it('finds no raw keys, column names or ISO times on any console route, in Japanese and English', async () => {
    const routes = [...PAGES, ...LISTS.map((l) => `/${l}`)];
    for (const resource of SHOWN) {
      const [first] = await api<{ id: number }[]>(ui.page.request, 'GET', `/api/${resource}?range=[0,0]`);
      if (first) routes.push(`/${resource}/${first.id}/show`);
    }
    const problems: string[] = [];
    for (const locale of ['ja', 'en']) {
      await ui.page.evaluate((l) => localStorage.setItem('otonari.locale', l), locale);
      await ui.page.goto('/#/');
      await ui.page.reload();
      for (const route of routes) problems.push(...(await problemsOn(route, locale)).map((p) => `[${locale}] ${p}`));
      await screenshot(ui.page, `route-walk-${locale}`);
    }
    await ui.page.evaluate(() => localStorage.setItem('otonari.locale', 'ja'));
    expect(problems).toEqual([]);
  });

  it('names the product on the login page and offers the language before signing in', async () => {
    const page = await newPage(ui.browser, ui.server.url);
    await page.goto('/#/login');
    await expect.poll(() => page.locator('body').innerText()).toContain('スポットおとなりさん 管理画面');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Spot Otonari-san back office');
    expect(await page.getByLabel('Email').count()).toBe(1);
    await screenshot(page, 'login-english');
    await page.context().close();
  });
});
