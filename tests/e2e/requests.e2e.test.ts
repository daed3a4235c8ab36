import { describe, expect, it } from 'vitest';
import { screenshot, typeInPicker } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';
import { addDays, api, futureSaturday } from './helpers/casework.js';

const ui = useConsole('coordinator@demo.otonari.example');

type Client = { id: number; client_no: string; name: string; languages: string[]; archived_at: string | null };

const pick = async (label: RegExp, option: string) => {
  await ui.page.getByRole('combobox', { name: label }).click();
  await ui.page.getByRole('option', { name: option, exact: true }).click();
};

describe('requests', () => {
  it('logs a phone request, refuses a Sunday, takes a Saturday, and moves it to matching with the timeline showing it all', async () => {
    const filter = encodeURIComponent(JSON.stringify({ eligibility: 'ofp_member' }));
    const clients = await api<Client[]>(ui.page.request, 'GET', `/api/clients?filter=${filter}&range=[0,24]`);
    const client = clients.find((c) => !c.archived_at && c.languages.length > 0)!;
    const saturday = futureSaturday(2);
    const sunday = addDays(saturday, 1);

    await ui.page.goto('/#/support-requests/create');
    await ui.page.getByRole('combobox', { name: /^利用者/ }).fill(client.client_no);
    await ui.page.getByRole('option', { name: new RegExp(`^${client.client_no}`) }).click();
    // The language follows the client's first language without being asked.
    await expect.poll(() => ui.page.getByRole('combobox', { name: '言語', exact: true }).inputValue()).not.toBe('');
    await ui.page.getByRole('radio', { name: '医療' }).check();
    await pick(/^支援内容/, '病院への受診同行');
    await ui.page.getByRole('textbox', { name: '場所', exact: true }).fill('区内の内科クリニック');

    const time = ui.page.getByTestId('service-time');
    await typeInPicker(ui.page, '日付', sunday);
    await pick(/^開始/, '10:00');
    await pick(/^終了/, '12:00');
    await expect.poll(() => time.innerText()).toContain('日曜日はサービス提供日ではありません');
    await screenshot(ui.page, 'request-sunday-refused');
    await ui.page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => time.getByRole('alert').innerText()).toContain('日曜日');
    expect(ui.page.url()).toContain('/support-requests/create');

    await typeInPicker(ui.page, '日付', saturday);
    await expect.poll(() => time.getByRole('alert').count()).toBe(0);
    await ui.page.getByRole('button', { name: '保存' }).click();
    await ui.page.waitForURL(/#\/support-requests\/\d+\/show/);
    const header = ui.page.getByTestId('request-header');
    await expect.poll(() => header.innerText()).toContain('受付');

    await ui.page.getByRole('button', { name: '内容確認を始める' }).click();
    await expect.poll(() => header.innerText()).toContain('内容確認中');
    await ui.page.getByRole('button', { name: 'マッチングを始める' }).click();
    await expect.poll(() => header.innerText()).toContain('マッチング中');

    await ui.page.getByRole('textbox', { name: /^内容/ }).fill('本人に電話。土曜の午前を希望。');
    await ui.page.getByRole('button', { name: '履歴に追加' }).click();

    const timeline = ui.page.getByTestId('timeline');
    await expect
      .poll(() => timeline.getByTestId('timeline-entry').allInnerTexts())
      .toEqual([
        expect.stringContaining('本人に電話。土曜の午前を希望。'),
        expect.stringContaining('内容確認中 → マッチング中'),
        expect.stringContaining('受付 → 内容確認中'),
        expect.stringContaining('受付'),
      ]);
    const id = Number(/support-requests\/(\d+)/.exec(ui.page.url())![1]);
    const stored = await api<{ status: string; start_at: string; client_id: number; language: string }>(
      ui.page.request,
      'GET',
      `/api/support-requests/${id}`,
    );
    expect(stored).toMatchObject({
      status: 'matching',
      start_at: `${saturday}T10:00:00+09:00`,
      client_id: client.id,
      language: client.languages[0],
    });
    await screenshot(ui.page, 'request-matching');
  });
});
