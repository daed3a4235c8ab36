import { createLogger, type Logger } from '../../server/log.js';

export type LogLine = Record<string, unknown> & { level: string; msg?: string; request_id?: string; route?: string; status?: number };

/** A logger whose JSON lines are kept in memory, every level included. */
export function captureLog(): { logger: Logger; raw: string[]; lines: () => LogLine[]; text: () => string } {
  const raw: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void raw.push(line) } });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as LogLine), text: () => raw.join('') };
}
