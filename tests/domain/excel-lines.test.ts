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

  it('equals a byte-by-byte reading over many records split anywhere, including more record ends than one chunk has room for', async () => {
    // The reference: visit every character, flip on quotes, turn LF outside quotes into CRLF.
    const reference = (text: string) => {
      let quoted = false;
      let out = '';
      for (const ch of text) {
        if (ch === '"') quoted = !quoted;
        out += ch === '\n' && !quoted ? '\r\n' : ch;
      }
      return out;
    };
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const cells = ['a', '依頼', '"x\ny"', '"say ""hi"""', '', '"日本\n語"', '1'];
    const records = Array.from({ length: 12_000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => cells[Math.floor(random() * cells.length)]).join(','),
    );
    const text = `${records.join('\n')}\n`;
    // One large chunk (thousands of record ends), then pieces cut anywhere between characters.
    const half = Math.floor(text.length / 2);
    const chunks = [text.slice(0, half)];
    for (let from = half; from < text.length; ) {
      const size = 1 + Math.floor(random() * 300);
      chunks.push(text.slice(from, from + size));
      from += size;
    }
    expect(await run(chunks)).toBe(reference(text));
  });
});
