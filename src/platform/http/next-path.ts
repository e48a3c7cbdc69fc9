/**
 * Where to send someone after signing in: only a path on this site. Protocol-relative ("//host"), backslashed
 * ("/\host") and control characters are refused: browsers drop tabs and newlines from URLs, so "/\t/host" would
 * become "//host".
 */
export function nextPath(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  return next;
}
