import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { screenshot } from './helpers/browser.js';
import { api, futureSaturday, requestInMatching } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

let smtp: TestSmtp;
// Registered before useConsole's: the mail server is up when the server starts.
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp?.close());

const ui = useConsole('coordinator@demo.otonari.example', {
  env: () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'スポットおとなりさん <office@otonari.example>', PUBLIC_BASE_URL: 'http://localhost:0' }),
});

describe('offers by e-mail', () => {
  it('a coordinator offers by e-mail, the volunteer accepts on a phone from the received e-mail, the coordinator confirms', async () => {
    const { request, volunteer } = await requestInMatching(ui.page.request, futureSaturday(42));
    await ui.page.goto(`/#/support-requests/${request.id}/show`);
    const candidate = ui.page.getByTestId('candidate-row').filter({ hasText: volunteer.volunteer_no });
    await candidate.getByRole('button', { name: '提案' }).click();
    const assignment = ui.page.getByTestId('assignment-row').filter({ hasText: volunteer.volunteer_no });
    await assignment.getByRole('button', { name: 'メールで依頼' }).click();
    await expect.poll(() => assignment.innerText()).toContain('連絡済み');
    await screenshot(ui.page, 'offer-sent');

    await expect.poll(() => smtp.mails.some((m) => m.subject?.includes(request.request_no)), { timeout: 30_000 }).toBe(true);
    const mail = smtp.mails.find((m) => m.subject?.includes(request.request_no))!;
    expect(mail.text).not.toContain('E2E クリニック');
    const path = /\/v\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];

    // The volunteer's phone: no session, a narrow screen.
    const phone = await ui.browser.newContext({ baseURL: ui.server.url, locale: 'ja-JP', viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    await page.goto(path);
    await expect.poll(() => page.getByRole('heading').first().innerText()).toContain(request.request_no);
    expect(await page.locator('body').innerText()).not.toContain('E2E クリニック');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(page, 'offer-phone');
    await page.getByRole('button', { name: '引き受ける' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('ありがとうございます');
    await screenshot(page, 'offer-phone-accepted');
    await phone.close();

    await ui.page.reload();
    await expect.poll(() => assignment.innerText()).toContain('承諾');
    await assignment.getByRole('button', { name: '確定' }).click();
    await expect.poll(() => ui.page.getByTestId('request-header').innerText()).toContain('確定');
    await expect.poll(() => ui.page.getByTestId('request-messages').innerText()).toContain('確定のお知らせ');
    await screenshot(ui.page, 'offer-confirmed');
    const stored = await api<{ status: string; start_at: string }>(ui.page.request, 'GET', `/api/support-requests/${request.id}`);
    expect(stored.status).toBe('confirmed');

    // The calendar shows the activity in its week; clicking it opens the request.
    await ui.page.goto('/#/calendar');
    const calendar = ui.page.getByTestId('calendar');
    await calendar.getByText(/^(週|Week)$/).click();
    const day = stored.start_at.slice(0, 10);
    // Which week's activities are drawn: empty while they load, so a week is read only once its
    // activities have arrived (under load they come after its days).
    const drawn = () => calendar.getAttribute('data-events-for');
    await expect.poll(drawn).not.toBe('');
    for (let i = 0; i < 12 && !(await calendar.innerText()).includes(request.request_no); i++) {
      const week = await drawn();
      await calendar.getByRole('button', { name: /次|next/i }).click();
      await expect.poll(drawn).not.toBe(week);
      await expect.poll(drawn).not.toBe('');
    }
    await expect.poll(() => calendar.innerText()).toContain(request.request_no);
    await screenshot(ui.page, `calendar-week-${day}`);
    // The same week in English: FullCalendar's own buttons and day names follow the console's language.
    await ui.page.getByRole('button', { name: /日本語/ }).click();
    await ui.page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => calendar.innerText()).toMatch(/\btoday\b[\s\S]*\bweek\b/i);
    await expect.poll(() => calendar.innerText()).toContain(request.request_no);
    await screenshot(ui.page, 'calendar-week-en');
    await ui.page.getByRole('button', { name: /English/ }).click();
    await ui.page.getByRole('menuitem', { name: '日本語' }).click();
    await expect.poll(() => calendar.innerText()).toMatch(/今日[\s\S]*週/);
    await calendar.getByText(request.request_no).first().click();
    await expect.poll(() => ui.page.url()).toContain(`/support-requests/${request.id}/show`);
    // Back from the request: the same week, not today's month.
    await ui.page.goBack();
    await expect.poll(() => ui.page.url()).toMatch(/#\/calendar\?.*view=week/);
    await expect.poll(() => calendar.innerText()).toContain(request.request_no);

    // A ward filter in the address (as a bookmark holds it) is shown, applied, and kept through a language change.
    await ui.page.goto(`/#/calendar?view=week&date=${day}&municipality_code=${request.municipality_code}`);
    const ward = (name: RegExp) => ui.page.getByRole('combobox', { name });
    // A ward's name, not 「すべて」 (the empty choice) nor MUI's blank.
    const named = /^(?!すべて$|All$)[^\s\u200b]/;
    await expect.poll(() => ward(/区市町村/).innerText()).toMatch(named);
    await expect.poll(() => calendar.innerText()).toContain(request.request_no);
    await ui.page.getByRole('button', { name: /日本語/ }).click();
    await ui.page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => ward(/Municipality/).innerText()).toMatch(named);
    expect(ui.page.url()).toContain(`municipality_code=${request.municipality_code}`);
    await expect.poll(() => calendar.innerText()).toContain(request.request_no);
    await ui.page.getByRole('button', { name: /English/ }).click();
    await ui.page.getByRole('menuitem', { name: '日本語' }).click();
  });
});
