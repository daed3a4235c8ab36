/**
 * PUBLIC_BASE_URL, for links written into messages by workflows that run inside other
 * resources' hooks (a confirmation's report link). One per process; buildApp sets it.
 */
let base = 'http://localhost:3000';

export function setPublicBaseUrl(url: string): void {
  base = url.replace(/\/+$/, '');
}

export const publicBaseUrl = () => base;

export const linkUrl = (token: string, root = base) => `${root.replace(/\/+$/, '')}/v/${token}`;
