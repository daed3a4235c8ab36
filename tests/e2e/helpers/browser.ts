import { generate } from 'otplib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../seeds/demo.js';
import { DEMO_ADMIN_EMAIL, DEMO_TOTP_SECRET } from '../../../seeds/demo-totp.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, never a downloaded browser; flags that keep it off the closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

const STEP_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * The code of a TOTP key for this browser test run. The server refuses a code of a step it has
 * accepted already, so a second login in the same 30 seconds uses the next step's code (the
 * server accepts one step ahead), waiting only if even that was used.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / STEP_MS);
  const step = Math.max(now, (lastStep.get(secret) ?? -1) + 1);
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * STEP_MS - Date.now() + 500));
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * (STEP_MS / 1000) });
}

/** Signs in through the login page; the demo admin also types a code of the demo TOTP key. */
export async function login(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret = email === DEMO_ADMIN_EMAIL ? DEMO_TOTP_SECRET : undefined,
): Promise<void> {
  await page.goto('/#/login');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  if (totpSecret) {
    await page.getByLabel('確認コード').fill(await nextTotpCode(totpSecret));
    await page.getByRole('button', { name: '確認', exact: true }).click();
  }
  await page.waitForURL((url) => !url.hash.includes('login'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

/**
 * Types a date ('2026-12-01'), date-time ('2026-12-01T10:00'), time ('10:00') or month
 * ('2026-12') into the console's picker labelled `label`, as a person does: click the field,
 * select all its sections, clear them and type the digits (the field moves section by section).
 */
export async function typeInPicker(scope: Page | Locator, label: string | RegExp, value: string): Promise<void> {
  const page = 'keyboard' in scope ? scope : scope.page();
  const field = scope.getByRole('group', { name: label });
  await field.getByRole('spinbutton').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value.replace(/\D/g, ''));
  await page.keyboard.press('Tab');
}

/** What a picker shows ('2026/12/01 10:00'), as a person reads it. */
export async function pickerText(scope: Page | Locator, label: string | RegExp): Promise<string> {
  const text = await scope.getByRole('group', { name: label }).getByRole('spinbutton').allInnerTexts();
  return text.join('|');
}
