/** The same server as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A database to run CREATE/DROP DATABASE from: the one named in the URL, else `postgres`. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  return u.pathname.length > 1 ? url : databaseUrl(url, 'postgres');
}
