import { describe, expect, it } from 'vitest';
import { shortUserAgent } from '../../server/auth/session-store.js';
import { addressKey, retryInJapanese } from '../../server/http/rate-limit.js';

describe('the address a limit counts by', () => {
  it('keeps IPv4, also when mapped into IPv6', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey(undefined)).toBe('unknown');
  });

  it('counts IPv6 by its /64, however it is written', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });
});

describe('retry times for a coordinator', () => {
  it('says seconds under a minute, else rounded-up minutes', () => {
    expect(retryInJapanese(42)).toBe('42 秒後');
    expect(retryInJapanese(61)).toBe('約 2 分後');
    expect(retryInJapanese(900)).toBe('約 15 分後');
  });
});

describe('a browser as "my sessions" names it', () => {
  it('shortens common User-Agent strings to browser, version and system', () => {
    const ua = (s: string) => shortUserAgent(s);
    expect(
      ua(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
      ),
    ).toBe('Edge 131 (Windows)');
    expect(ua('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe(
      'Safari 17 (Mac)',
    );
    expect(ua('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128 (Linux)');
    expect(
      ua('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'),
    ).toBe('Chrome 131 (Android)');
    expect(
      ua(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Chrome 131 (iPhone)');
    expect(ua('curl/8.5.0')).toBe('curl/8.5.0');
    expect(ua('x'.repeat(200))).toHaveLength(60);
    expect(shortUserAgent(null)).toBeNull();
  });
});
