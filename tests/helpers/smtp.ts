import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TestSmtp = {
  url: string;
  mails: ParsedMail[];
  /** The next n messages to this address are refused with a temporary error (451). */
  failFor: (address: string, n: number) => void;
  /** Resolves once at least n messages have arrived. */
  waitFor: (n: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

/** A real SMTP server on a free port, keeping every message it accepts, parsed. */
export async function startSmtp(): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const failing = new Map<string, number>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).find((a) => (failing.get(a) ?? 0) > 0);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (to) {
          failing.set(to, failing.get(to)! - 1);
          const err = Object.assign(new Error('Temporary failure, try again'), { responseCode: 451 });
          return callback(err);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            mails.push(mail);
            for (const w of waiters.filter((w) => mails.length >= w.n)) w.resolve();
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://user:pass@127.0.0.1:${port}`,
    mails,
    failFor: (address, n) => {
      failing.set(address, n);
    },
    waitFor: (n) =>
      mails.length >= n ? Promise.resolve(mails) : new Promise((resolve) => waiters.push({ n, resolve: () => resolve(mails) })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
