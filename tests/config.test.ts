import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';

describe('configuration', () => {
  it('has the documented defaults on the embedded database', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: './data', seedDemo: true });
  });

  it('turns demo data off by default with DATABASE_URL and requires SESSION_SECRET there', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/SESSION_SECRET/);
    const c = loadConfig({ DATABASE_URL: 'postgres://localhost/x', SESSION_SECRET: 's'.repeat(32) });
    expect(c.seedDemo).toBe(false);
  });

  it('explains bad values', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.example' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });
});
