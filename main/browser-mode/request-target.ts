/**
 * Splits a request's target into its raw path and its query. The path is deliberately not run
 * through the URL parser: it would resolve `..` and `%2e%2e` before we could refuse them, and a
 * path that only looks harmless after normalising is exactly what traversal attempts rely on.
 */
export interface RequestTarget {
  /** As sent, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
}

/** Undefined for anything but origin-form (`/path?query`): proxies' absolute forms and `*` are not ours. */
export function parseTarget(url: string | undefined): RequestTarget | undefined {
  if (url === undefined || !url.startsWith('/') || url.startsWith('//')) return undefined;
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const mark = withoutFragment.indexOf('?');
  const rawPath = mark === -1 ? withoutFragment : withoutFragment.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? '' : withoutFragment.slice(mark + 1));
  return { rawPath, query };
}
