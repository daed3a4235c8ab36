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

describe('mail configuration', () => {
  it('holds mail without SMTP_URL and links to the local server', () => {
    const c = loadConfig({ PORT: '3100' });
    expect(c.smtpUrl).toBeUndefined();
    expect(c.publicBaseUrl).toBe('http://localhost:3100');
  });

  it('needs MAIL_FROM and PUBLIC_BASE_URL with SMTP_URL, and checks each', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465' })).toThrow(
      /MAIL_FROM[\s\S]*PUBLIC_BASE_URL|PUBLIC_BASE_URL[\s\S]*MAIL_FROM/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'a@b.example', PUBLIC_BASE_URL: 'https://x.example' })).toThrow(
      /SMTP_URL/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'nobody', PUBLIC_BASE_URL: 'https://x.example' })).toThrow(
      /MAIL_FROM/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'a@b.example', PUBLIC_BASE_URL: 'x.example' })).toThrow(
      /PUBLIC_BASE_URL/,
    );
    const c = loadConfig({
      SMTP_URL: 'smtps://user:secret@mail.example:465',
      MAIL_FROM: 'スポットおとなりさん <office@npo.example>',
      PUBLIC_BASE_URL: 'https://office.npo.example/',
    });
    expect(c).toMatchObject({ smtpUrl: 'smtps://user:secret@mail.example:465', publicBaseUrl: 'https://office.npo.example' });
  });
});
