import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';
import { screenshot } from './helpers/browser.js';
import { api, futureSaturday, requestInMatching } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('admin@demo.otonari.example');

describe("people's rights over their data", () => {
  it('an admin opens a resident, downloads the disclosure package, and the ZIP holds the summary and the CSVs with their requests', async () => {
    const { request, client } = await requestInMatching(ui.page.request, futureSaturday(20));
    // A stop of contact, so the notice shows too.
    const stored = await api<{ version: number }>(ui.page.request, 'GET', `/api/clients/${client.id}`);
    await api(ui.page.request, 'PUT', `/api/clients/${client.id}`, {
      version: stored.version,
      contact_stopped_at: '2026-11-20T10:00:00+09:00',
      contact_stop_reason: '電話で本人から申し出',
    });
    await ui.page.goto(`/#/clients/${client.id}/show`);
    await expect.poll(() => ui.page.getByTestId('contact-stopped-notice').innerText()).toContain('連絡停止の申し出');
    await ui.page.getByRole('button', { name: '開示用データ' }).click();
    const dialog = ui.page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('他の人の個人情報は含めません');
    const confirm = dialog.getByRole('button', { name: '作成してダウンロード' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('開示の理由（請求の受付日など）').fill('2026-11-30 本人から開示請求');
    await screenshot(ui.page, 'disclosure-dialog');
    const [download] = await Promise.all([ui.page.waitForEvent('download'), confirm.click()]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toMatch(new RegExp(`^disclosure_${client.client_no}_\\d{8}\\.zip$`));
    const files = readZip(await readFile((await download.path())!));
    expect(files.has('summary-ja.html')).toBe(true);
    const requests = files.get('csv/requests.csv')!.toString('utf8');
    expect(requests).toContain('依頼番号');
    expect(requests).toContain(request.request_no);
    for (const name of ['record', 'assignments', 'timeline', 'activity_reports', 'expenses', 'audit_log']) {
      expect(files.has(`csv/${name}.csv`), name).toBe(true);
    }
    const summary = files.get('summary-ja.html')!.toString('utf8');
    expect(summary).toContain(client.name);
    expect(summary).toContain(request.request_no);
    await screenshot(ui.page, 'disclosure-done');
    // The summary as it prints.
    const page = await ui.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.setContent(summary);
    await screenshot(page, 'disclosure-summary-ja');
    await page.close();
  });

  it('shows the privacy page generated from the role table, and the retention page', async () => {
    await ui.page.setViewportSize({ width: 1366, height: 900 });
    await ui.page.goto('/#/privacy');
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('見られる役割');
    const text = await ui.page.locator('main').innerText();
    expect(text).toContain('要配慮個人情報');
    expect(text).toContain('開示請求への回答の手順');
    expect(text).not.toMatch(/privacy\.|resources\.|enums\./);
    await screenshot(ui.page, 'privacy-page');
    await ui.page.goto('/#/retention');
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('保存期間を過ぎたデータ');
    expect(await ui.page.locator('main').innerText()).not.toMatch(/privacy\./);
    await screenshot(ui.page, 'retention-page');
  });

  it('offers a volunteer the package and anonymising, and reads in English', async () => {
    const volunteers = await api<{ id: number }[]>(ui.page.request, 'GET', '/api/volunteers?range=[0,0]');
    await ui.page.goto(`/#/volunteers/${volunteers[0]!.id}/show`);
    await ui.page.getByRole('button', { name: '匿名化' }).click();
    const dialog = ui.page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('残るもの');
    await screenshot(ui.page, 'volunteer-anonymise-dialog');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await ui.page.getByRole('button', { name: /日本語/ }).click();
    await ui.page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => ui.page.getByRole('button', { name: 'Disclosure package' }).count()).toBe(1);
    await screenshot(ui.page, 'volunteer-show-en');
    await ui.page.goto('/#/privacy');
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('Roles that see it');
    expect(await ui.page.locator('main').innerText()).not.toMatch(/privacy\.|resources\.|enums\./);
    await screenshot(ui.page, 'privacy-page-en');
    await ui.page.goto('/#/retention');
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('Data past its retention period');
    await screenshot(ui.page, 'retention-page-en');
    // Back to Japanese for whoever runs next.
    await ui.page.getByRole('button', { name: /English/ }).click();
    await ui.page.getByRole('menuitem', { name: '日本語' }).click();
  });
});
