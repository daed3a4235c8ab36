import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { api } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('admin@demo.otonari.example');

describe('anonymising a resident', () => {
  it('explains what is erased, needs a reason, and leaves a record with no personal details', async () => {
    const stamp = Date.now().toString().slice(-6);
    const client = await api<{ id: number; client_no: string }>(ui.page.request, 'POST', '/api/clients', {
      name: `匿名 予定${stamp}`,
      languages: ['vi'],
      phone: `080-7${stamp.slice(0, 3)}-${stamp.slice(3)}`,
      eligibility: 'ofp_member',
      ofp_member_no: `OFP-A${stamp}`,
    });
    await ui.page.goto(`/#/clients/${client.id}/show`);
    await ui.page.getByRole('button', { name: '匿名化' }).click();
    const dialog = ui.page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('消去されるもの');
    expect(await dialog.innerText()).toContain('残るもの');
    const confirm = dialog.getByRole('button', { name: '匿名化する' });
    // Not without a reason.
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('匿名化の理由').fill('支援終了から5年が経過したため');
    await screenshot(ui.page, 'anonymise-dialog');
    await confirm.click();
    await expect.poll(() => ui.page.getByTestId('anonymised-notice').innerText()).toContain('匿名化されました');
    const stored = await api<{ name: string; phone: string | null; anonymised_at: string | null }>(
      ui.page.request,
      'GET',
      `/api/clients/${client.id}`,
    );
    expect(stored).toMatchObject({ name: '匿名化済み', phone: null });
    expect(stored.anonymised_at).toBeTruthy();
    await expect.poll(() => ui.page.getByRole('button', { name: '匿名化' }).count()).toBe(0);
  });
});
