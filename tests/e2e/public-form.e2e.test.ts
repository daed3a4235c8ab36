import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicHoliday } from '../../server/domain/service-rules.js';
import { launchBrowser, newPage, screenshot } from './helpers/browser.js';
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

describe('residents’ request form', () => {
  it('shows field messages, then sends a request and shows its reference', async () => {
    const page = await newPage(browser, server.url);
    await page.goto('/request');
    await expect.poll(() => page.locator('h1').innerText()).toContain('依頼フォーム');
    await page.getByRole('button', { name: '送信する' }).click();
    await expect.poll(() => page.locator('#consent-error').innerText()).toMatch(/同意/);
    await expect.poll(() => page.locator('#phone-error').innerText()).toMatch(/電話番号かメールアドレス/);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Your name').fill('Mariam Ahmadi');
    await page.getByLabel('Phone').fill('090-1234-0000');
    await page.getByLabel('Language for contacting you').selectOption('fa');
    await page.getByLabel('City or ward where you live').selectOption('131105');
    await page.getByLabel('Area of help').selectOption('administrative');
    await page.getByLabel('What you need').selectOption('ward_office');
    await page.getByLabel('How', { exact: true }).selectOption('in_person');
    await page.locator('input[name=date0]').fill(nextSaturday());
    await page.locator('select[name=start0]').selectOption('10:00');
    await page.locator('select[name=end0]').selectOption('11:30');
    await page.getByLabel('What is the problem?').fill('I need help with a residence registration at the ward office.');
    await page.getByLabel(/I agree/).check();
    await screenshot(page, 'request-form');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.reference').innerText()).toMatch(/^R-\d{4}-\d{5}$/);
    const reference = await page.locator('.reference').innerText();
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);

    const staff = await newPage(browser, server.url);
    const login = await staff.request.post('/api/auth/login', {
      data: { email: 'coordinator@demo.otonari.example', password: 'otonari-demo-2026' },
    });
    expect(login.status()).toBe(200);
    const inbox = await staff.request.get(`/api/support-requests?filter=${encodeURIComponent(JSON.stringify({ q: reference }))}`);
    const [created] = await inbox.json();
    expect(created).toMatchObject({ request_no: reference, channel: 'web_form', status: 'received', client_id: null, language: 'fa' });
    expect(created.intake.preferred_slots[0].start_at).toBe(`${nextSaturday()}T10:00:00+09:00`);

    // The coordinator registers the sender as a resident from the request: what the form said
    // (name, phone, language, ward, consent) is carried over, not typed again.
    await staff.goto(`/#/support-requests/${created.id}/show`);
    await staff.getByRole('button', { name: '新しい利用者' }).click();
    const dialog = staff.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('氏名').inputValue()).toBe('Mariam Ahmadi');
    await dialog.getByLabel('利用資格').click();
    await staff.getByRole('option', { name: 'OFP会員' }).click();
    await dialog.getByLabel('OFP会員番号').fill(`OFP-E2E-${Date.now()}`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await staff.getByRole('button', { name: '利用者に紐づける' }).click();
    await expect.poll(async () => (await (await staff.request.get(`/api/support-requests/${created.id}`)).json()).client_id).not.toBeNull();
    const linked = await (await staff.request.get(`/api/support-requests/${created.id}`)).json();
    const resident = await (await staff.request.get(`/api/clients/${linked.client_id}`)).json();
    expect(resident).toMatchObject({ name: 'Mariam Ahmadi', phone: '090-1234-0000', languages: ['fa'], municipality_code: '131105' });
    expect(resident.consent_at).toBeTruthy();
  });
});
