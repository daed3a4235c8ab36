import { describe, expect, it } from 'vitest';
import { screenshot } from './helpers/browser.js';
import { useConsole } from './helpers/session.js';

const ui = useConsole('admin@demo.otonari.example');

describe('lists past the exact count', () => {
  it('shows an estimated total as 「約 … 件」 and stops paging where the server stops', async () => {
    await ui.server.knex.raw(
      `insert into audit_log (staff_id, action, resource, record_id, changed_fields)
       select null, 'view', 'clients', g::text, '{}' from generate_series(1, 12000) g`,
    );
    await ui.server.knex.raw('analyze audit_log');
    await ui.page.goto('/#/audit-log?perPage=25');
    const pagination = ui.page.locator('.MuiTablePagination-root');
    await expect.poll(() => pagination.innerText()).toMatch(/1〜25件目 \/ 約 1[12],000件/);
    await screenshot(ui.page, 'list-approximate-total');
    // The last page offered is the one the server still answers (10,000 rows deep).
    await ui.page.goto('/#/audit-log?perPage=25&page=400');
    await expect.poll(() => pagination.innerText()).toMatch(/9,976〜10,000件目/);
    await expect.poll(() => ui.page.locator('main').innerText()).toContain('条件で絞り込んでください');
    expect(await ui.page.getByRole('button', { name: /next page|次のページ/i }).isDisabled()).toBe(true);
  });
});
