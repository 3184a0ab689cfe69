/**
 * A log that writes each distinct line once. A page that keeps trying something refused (a
 * navigation in a loop, a flood of IPC calls) must not fill the disk with the same line; the
 * first one says all there is to say. Bounded, so a page varying its URLs cannot grow it
 * without limit either.
 */
export function onceLog(log: (line: string) => void, limit = 200): (key: string, line: string) => void {
  const seen = new Set<string>();
  let silenced = false;
  return (key, line) => {
    if (seen.has(key)) return;
    if (seen.size >= limit) {
      if (!silenced) log(`(further distinct refusals are not logged; ${limit} already were)`);
      silenced = true;
      return;
    }
    seen.add(key);
    log(line);
  };
}
