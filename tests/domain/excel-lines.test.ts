import { describe, expect, it } from 'vitest';
import { excelLines } from '../../server/exports/copy.js';

async function run(chunks: string[]): Promise<string> {
  const t = excelLines();
  const out: Buffer[] = [];
  t.on('data', (b: Buffer) => out.push(b));
  for (const c of chunks) t.write(Buffer.from(c));
  t.end();
  await new Promise((r) => t.on('end', r));
  return Buffer.concat(out).toString();
}

describe('COPY line ends for Excel', () => {
  it('turns record ends into CRLF but keeps line breaks inside quoted cells, across chunks', async () => {
    expect(await run(['a,b\n1,"x\ny"\n2,"say ""hi""\n'])).toBe('a,b\r\n1,"x\ny"\r\n2,"say ""hi""\n');
    expect(await run(['1,"open', '\nstill"\n2,', 'z\n'])).toBe('1,"open\nstill"\r\n2,z\r\n');
    expect(await run(['日本語,"引用', '"\n'])).toBe('日本語,"引用"\r\n');
  });
});
