import type { Knex } from 'knex';

/**
 * One cap on an expense (a setting, default ¥50,000), which the database enforces too: a
 * trigger compares each new or changed amount with the settings row. Existing amounts above it
 * stay readable and can still be settled; only a new amount is held to the cap.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('settings', (t) => {
    t.integer('max_expense_yen').notNullable().defaultTo(50_000);
  });
  await knex.raw('alter table settings add constraint settings_max_expense_yen_check check (max_expense_yen between 1 and 1000000)');
  await knex.raw(`
    create function expenses_amount_cap() returns trigger language plpgsql as $$
    declare
      cap integer;
    begin
      if tg_op = 'UPDATE' and new.amount_yen = old.amount_yen then
        return new;
      end if;
      select max_expense_yen into cap from settings where id = 1;
      if cap is not null and new.amount_yen > cap then
        raise exception 'expense amount % exceeds the cap %', new.amount_yen, cap
          using errcode = 'check_violation', constraint = 'expenses_amount_cap';
      end if;
      return new;
    end
    $$`);
  await knex.raw(
    'create trigger expenses_amount_cap before insert or update of amount_yen on expenses for each row execute function expenses_amount_cap()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger if exists expenses_amount_cap on expenses');
  await knex.raw('drop function if exists expenses_amount_cap()');
  await knex.schema.alterTable('settings', (t) => t.dropColumn('max_expense_yen'));
}
