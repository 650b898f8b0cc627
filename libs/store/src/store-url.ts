/**
 * A store URL as messages and logs may show it: everything between its scheme and its last `@`
 * (user and password, which may hold `/`, `:` or `@`) replaced by `***`.
 */
export function describeStoreUrl(url: string): string {
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const scheme = /^[a-z][a-z0-9+.-]*:(\/\/)?/i.exec(url)?.[0] ?? '';
  return `${scheme}***${url.slice(at)}`;
}
