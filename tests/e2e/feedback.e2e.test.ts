import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/messages/links.js';
import { RESIDENT_TEXTS } from '../../server/messages/resident-texts.js';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('coordinator@demo.otonari.example');

describe('residents’ feedback page', () => {
  it('a Dari-speaking resident rates the help on a phone, right to left, and the coordinator sees it on the request', async () => {
    // A done demo request whose resident reads Dari, and the personal link its e-mail would carry.
    const request = await ui.server.knex('support_requests').where('status', 'done').first('id', 'request_no');
    await ui.server.knex('support_requests').where('id', request.id).update({ language: 'fa' });
    const token = randomBytes(32).toString('base64url');
    await ui.server.knex('volunteer_links').insert({
      token_hash: hashToken(token),
      purpose: 'feedback',
      request_id: request.id,
      expires_at: new Date(Date.now() + 86_400_000),
    });
    const t = RESIDENT_TEXTS['fa-AF']!.feedbackPage;

    const phone = await ui.browser.newContext({ baseURL: ui.server.url, locale: 'fa-AF', viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    await page.goto(`/f/${token}`);
    await expect.poll(() => page.getByRole('heading').first().innerText()).toBe(t.title);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'feedback-phone-fa-AF');
    await page.getByLabel(new RegExp(t.ratings[4])).check();
    await page.getByLabel(t.comment).fill('خیلی ممنون');
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain(t.thanks);
    await phone.close();

    await ui.page.goto(`/#/support-requests/${request.id}/show`);
    const panel = ui.page.getByTestId('request-feedback');
    await expect.poll(() => panel.innerText()).toContain('5 / 5');
    expect(await panel.innerText()).toContain('خیلی ممنون');
    expect(await panel.innerText()).toContain('ダリー語');
    await screenshot(ui.page, 'feedback-on-request');
  });
});
