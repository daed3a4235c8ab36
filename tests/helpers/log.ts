import { createLogger, type Logger } from '../../server/log.js';

export type LogLine = Record<string, unknown> & { level: string; msg?: string; request_id?: string; route?: string; status?: number };

/** A logger whose JSON lines are kept in memory, every level included. */
export function captureLog(): { logger: Logger; raw: string[]; lines: () => LogLine[]; text: () => string } {
  const raw: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void raw.push(line) } });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as LogLine), text: () => raw.join('') };
}

/** Everything the process writes to stdout and stderr while `run` runs (console.* included). */
export async function captureOutput(run: () => Promise<void>): Promise<string> {
  const out: string[] = [];
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  const keep = (chunk: unknown) => {
    out.push(String(chunk));
    return true;
  };
  process.stdout.write = keep as typeof process.stdout.write;
  process.stderr.write = keep as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
  return out.join('');
}
