import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('volunteers@demo.otonari.example');

/** Opens the list with the filter and waits until its rows are the filtered ones (the previous list may linger). */
const listWith = async (state: string, label: string) => {
  const filter = encodeURIComponent(JSON.stringify({ id_check_state: state }));
  await ui.page.goto(`/#/volunteers?filter=${filter}&perPage=50`);
  await expect.poll(() => ui.page.locator('main').innerText()).toContain(label);
  const rows = ui.page.locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  return rows;
};

describe('ID-check states in the volunteers list', () => {
  it('「未確認または期限切れ」 lists the never checked, the failed and the expired, and nobody with a valid check', async () => {
    const list = await listWith('none', '未確認または期限切れ');
    await expect.poll(async () => (await list.allInnerTexts()).every((r) => /期限切れ|未確認/.test(r))).toBe(true);
    const rows = await list.allInnerTexts();
    // Demo data: 佐々木 亮's check ran out; 井上 智子 was never checked; 松本 千尋's check failed.
    const shown = (name: string, state: string) => rows.some((r) => r.includes(name) && r.includes(state));
    expect(shown('佐々木 亮', '期限切れ'), '佐々木 亮, expired').toBe(true);
    expect(shown('井上 智子', '未確認'), '井上 智子, never checked').toBe(true);
    expect(shown('松本 千尋', '未確認'), '松本 千尋, check failed').toBe(true);
    await screenshot(ui.page, 'volunteers-no-valid-id-check');
  });

  it('「まもなく期限」 lists only checks ending within the warning window, marked in the same words', async () => {
    const list = await listWith('expiring', 'まもなく期限');
    await expect.poll(async () => (await list.allInnerTexts()).every((r) => r.includes('まもなく期限'))).toBe(true);
  });
});
