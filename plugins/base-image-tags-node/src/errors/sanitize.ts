const excerptLength = 160;

/**
 * A short, single-line excerpt of untrusted text for an error message:
 * control characters and markup are removed, anything that looks like a
 * credential is masked, and the result is truncated.
 *
 * @internal
 */
export function sanitizedExcerpt(text: string, maxLength = excerptLength) {
  const cleaned = text
    .slice(0, maxLength * 8)
    .replace(/<[^>]{0,200}>/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\b(Bearer|Basic)\s+[^\s"',]+/gi, '$1 ***')
    .replace(
      /"?(token|access_token|refresh_token|password|secret)"?\s*[:=]\s*"?[^\s"',}]+"?/gi,
      '$1=***',
    )
    .replace(/\beyJ[\w-]{10,}\.[\w-]+\.?[\w-]*/g, '***')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > maxLength
    ? `${cleaned.slice(0, maxLength)}…`
    : cleaned;
}

/**
 * A URL as shown in messages: no user info, and a long query shortened.
 *
 * @internal
 */
export function describeUrl(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.toString());
  } catch {
    return sanitizedExcerpt(url.toString(), 120);
  }
  const query =
    parsed.search.length > 80
      ? `${parsed.search.slice(0, 80)}…`
      : parsed.search;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}

/**
 * Masks the given secrets wherever they appear in `text`, also in their
 * basic-auth encoding: a last guard in case a registry echoes them back.
 *
 * @internal
 */
export function redactSecrets(
  text: string,
  secrets: { username?: string; password?: string; tokens: string[] },
): string {
  const values = [...secrets.tokens];
  if (secrets.password) {
    values.push(secrets.password);
    values.push(
      Buffer.from(`${secrets.username ?? ''}:${secrets.password}`).toString(
        'base64',
      ),
    );
  }
  let result = text;
  for (const value of values) {
    // Very short values would mask ordinary words.
    if (value && value.length >= 4) {
      result = result.split(value).join('***');
    }
  }
  return result;
}
