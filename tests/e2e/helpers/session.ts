import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, login, newPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export type ConsoleSession = { server: RunningServer; browser: Browser; page: Page };

/**
 * One browser test file's world: the real server with demo data, Debian's Chromium and a
 * page, signed in as `email` when given. Fields are filled before the file's first test.
 */
export function useConsole(email?: string, options: { env?: () => Record<string, string> } = {}): ConsoleSession {
  const session = {} as ConsoleSession;
  beforeAll(async () => {
    session.server = await startServer(options.env?.());
    session.browser = await launchBrowser();
    session.page = await newPage(session.browser, session.server.url);
    if (email) await login(session.page, email);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
