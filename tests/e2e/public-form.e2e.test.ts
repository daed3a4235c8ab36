import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicHoliday } from '../../server/domain/service-rules.js';
import { launchBrowser, login, newPage, screenshot } from './helpers/browser.js';
import { startServer, type RunningServer } from './helpers/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The next Saturday in Japan that is not a public holiday, as YYYY-MM-DD. */
function nextSaturday(): string {
  const d = new Date(Date.now() + 9 * 3600_000);
  do d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7));
  while (publicHoliday(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}

/** A resident's phone: 360×740, the browser in the resident's language. */
async function phonePage(locale: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale,
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const formReady = (page: Page) => page.locator('form button[type=submit]').waitFor();

let ukrainianReference = '';

describe('residents’ request form', () => {
  it('a resident fills it in Ukrainian on a phone and gets a reference', async () => {
    const page = await phonePage('uk-UA');
    // The browser's language decides when the address names none.
    await page.goto('/request');
    await formReady(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Заявка на допомогу Spot Otonari-san');
    // Errors are announced and the first problem gets the focus.
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await expect.poll(() => page.locator('#name-error').innerText()).toBe('Заповніть це поле.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('name');
    await expect.poll(() => page.locator('#consent-error').innerText()).toBe('Погодьтеся на використання ваших персональних даних.');
    await screenshot(page, 'form-uk-errors');

    await page.getByLabel('Ваше ім’я').fill('Olena Kovalenko');
    await page.getByLabel('Телефон').fill('090-5555-0101');
    expect(await page.getByLabel('Мова для зв’язку з вами').inputValue()).toBe('uk');
    await page.getByLabel('Місто чи район, де ви живете').selectOption('131105');
    // Areas of help are explained with examples.
    await page.getByRole('radio', { name: /Медицина/ }).check();
    expect(await page.getByText('напр. пояснити симптоми в лікарні, медогляд').isVisible()).toBe(true);
    await page.getByLabel('Що вам потрібно').selectOption('hospital');
    await page.getByRole('radio', { name: 'Особисто' }).check();
    await page.locator('input[name=date0]').fill(nextSaturday());
    await page.locator('select[name=start0]').selectOption('10:00');
    await page.locator('select[name=end0]').selectOption('11:30');
    await page.getByLabel('Яка у вас проблема?').fill('Потрібна допомога з поясненням симптомів лікарю.');
    await page.getByLabel('Номер члена OFP').fill('OFP-E2E-UK');
    await page.getByLabel('Я погоджуюся на використання моїх персональних даних із цією метою.').check();
    // No horizontal scrolling on a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'form-uk-filled');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await expect.poll(() => page.locator('.reference').innerText()).toMatch(/^R-\d{4}-\d{5}$/);
    ukrainianReference = await page.locator('.reference').innerText();
    expect(await page.locator('h1').innerText()).toBe('Дякуємо! Координатор зв’яжеться з вами.');
    expect(await page.context().cookies()).toEqual([]);
    await screenshot(page, 'form-uk-done');
  });

  it('renders Dari right to left, with the switch listing every language in its own script', async () => {
    const page = await phonePage('ja-JP');
    await page.goto('/request/fa-AF');
    await formReady(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa-AF');
    expect(await page.locator('h1').innerText()).toBe('فورم درخواست کمک اسپات اوتوناری‌سان');
    const switcher = page.getByRole('navigation', { name: 'زبان' });
    for (const name of ['日本語', 'やさしい にほんご', 'Українська', 'Tiếng Việt', 'नेपाली', 'دری', 'پښتو', 'မြန်မာဘာသာ']) {
      await expect.poll(() => switcher.getByRole('link', { name, exact: true }).count()).toBe(1);
    }
    // Mirrored: a label starts at the right edge of the form.
    const label = await page.locator('label[for=name]').boundingBox();
    const input = await page.locator('#name').boundingBox();
    expect(label!.x + label!.width).toBeGreaterThan(input!.x + input!.width - 20);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'form-fa-AF');
    // Switching language is a link to the same form in another language.
    await switcher.getByRole('link', { name: 'Tiếng Việt' }).click();
    await formReady(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('h1').innerText()).toBe('Đơn nhờ giúp đỡ Spot Otonari-san');
  });

  it('works at 200% zoom on a 360 px screen, by keyboard alone, and stays under 60 KB gzip with its catalogue', async () => {
    // 200% zoom of a 360 px wide screen: a 180 CSS px viewport at twice the pixel density.
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 180, height: 740 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', async (res) => {
      if (res.url().startsWith(server.url) && !res.url().includes('/api/')) {
        const body = await res.body().catch(() => Buffer.alloc(0));
        bytes += gzipSync(body).length;
      }
    });
    await page.goto('/request/my');
    await formReady(page);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(180);
    await screenshot(page, 'form-my-zoom-200');
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(60 * 1024);

    // Keyboard only: Tab reaches the name, typing fills it, Space ticks the consent, Enter sends.
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto('/request/en');
    await formReady(page);
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'name' && guard++ < 40) await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard User');
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'consent' && guard++ < 120) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.locator('#consent').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    while ((await page.evaluate(() => document.activeElement?.tagName)) !== 'BUTTON' && guard++ < 160) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#phone-error').innerText()).toBe('Please give a phone number or an email address.');
    // The first problem gets the focus: the name is filled, so it is the phone number.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('phone');
    await context.close();
  });

  for (const lang of ['ja', 'ja-easy', 'vi', 'fa-AF']) {
    it(`has no serious or critical accessibility problems in ${lang}`, async () => {
      const page = await phonePage('ja-JP');
      await page.goto(`/request/${lang}`);
      await formReady(page);
      // With the error messages showing too.
      await page.locator('form button[type=submit]').click();
      await page.locator('#name-error:not(:empty)').waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await screenshot(page, `form-${lang}-axe`);
    });
  }

  it('a coordinator finds the Ukrainian request in the inbox, registers the resident in Ukrainian and starts checking', async () => {
    expect(ukrainianReference).not.toBe('');
    const staff = await newPage(browser, server.url);
    await login(staff, 'coordinator@demo.otonari.example');
    await staff.getByRole('menuitem', { name: /Webフォーム受付/ }).click();
    const row = staff.getByRole('row', { name: new RegExp(ukrainianReference) });
    await row.click();
    const intake = staff.getByRole('region', { name: 'Webフォームの受付内容' });
    await expect.poll(() => intake.innerText()).toContain('Olena Kovalenko');
    const text = await intake.innerText();
    expect(text).toContain('フォームの言語');
    expect(text).toContain('ウクライナ語');
    expect(text).toContain('目黒区');
    expect(text).toContain('医療');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|casework\.|enums\./);
    await screenshot(staff, 'inbox-uk-request');

    await staff.getByRole('button', { name: '新しい利用者' }).click();
    const dialog = staff.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('氏名').inputValue()).toBe('Olena Kovalenko');
    await dialog.getByLabel('フリガナ').fill('オレナ・コヴァレンコ');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await staff.getByRole('button', { name: '利用者に紐づける' }).click();
    await expect.poll(() => intake.getByText('利用者に紐づける').count()).toBe(0);
    const id = staff.url().match(/support-requests\/(\d+)/)![1];
    const linked = await (await staff.request.get(`/api/support-requests/${id}`)).json();
    const resident = await (await staff.request.get(`/api/clients/${linked.client_id}`)).json();
    expect(resident).toMatchObject({ name: 'Olena Kovalenko', languages: ['uk'], phone: '090-5555-0101' });
    expect(resident.consent_at).toBeTruthy();

    await staff.getByRole('button', { name: '内容確認を始める' }).click();
    await expect.poll(async () => (await (await staff.request.get(`/api/support-requests/${id}`)).json()).status).toBe('checking');
    await screenshot(staff, 'inbox-uk-checking');

    // The resident's page lists the consent given on the form: kind, how, language, Japan time.
    await staff.goto(`/#/clients/${linked.client_id}/show`);
    const consents = staff.getByRole('region', { name: '同意の記録' });
    await expect.poll(() => consents.innerText()).toContain('利用の同意');
    const consentText = await consents.innerText();
    expect(consentText).toContain('Web フォーム');
    expect(consentText).toContain('ウクライナ語');
    expect(consentText).not.toMatch(/\d{4}-\d{2}-\d{2}T|enums\.|resources\./);
    await screenshot(staff, 'client-consents');
  });
});
