/**
 * The server key must never reach a log, an error or the journal. Every text that leaves the
 * client is passed through here, covering the key itself and the Basic credentials derived from it.
 */
export function secretForms(serverKey: string): string[] {
  if (serverKey.length === 0) return [];
  const basic = Buffer.from(`${serverKey}:`, 'utf8').toString('base64');
  // A base64 string without its padding also gives the key away.
  return [serverKey, basic, basic.replace(/=+$/, '')].filter(
    (s, i, all) => s.length >= 4 && all.indexOf(s) === i,
  );
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
