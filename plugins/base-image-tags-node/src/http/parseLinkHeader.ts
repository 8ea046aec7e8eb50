import { readParameterValue } from './readParameterValue';

/**
 * One link of an HTTP `Link` header.
 *
 * @internal
 */
export interface HeaderLink {
  /** The target as written, not yet resolved. */
  target: string;
  /** Relation types, lower case (`rel="next last"` gives two). */
  rel: string[];
}

/**
 * Parses `Link` header values leniently: several links per header and
 * several headers, quoted or unquoted parameter values, and any spacing.
 * Malformed parts are skipped rather than failing the whole header.
 *
 * @internal
 */
export function parseLinkHeader(
  values: string | string[] | undefined,
): HeaderLink[] {
  if (values === undefined) {
    return [];
  }
  const links: HeaderLink[] = [];
  for (const value of Array.isArray(values) ? values : [values]) {
    let index = 0;
    while (index < value.length) {
      const open = value.indexOf('<', index);
      if (open < 0) {
        break;
      }
      const close = value.indexOf('>', open + 1);
      if (close < 0) {
        break;
      }
      const target = value.slice(open + 1, close).trim();
      const { params, end } = readParams(value, close + 1);
      index = end;
      const rel = (params.get('rel') ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      links.push({ target, rel });
    }
  }
  return links;
}

/**
 * Reads `; key=value; key="quoted, value"` up to the comma that ends this
 * link, or to the end of the header.
 */
function readParams(value: string, start: number) {
  const params = new Map<string, string>();
  let index = start;
  while (index < value.length) {
    while (index < value.length && /[\s;]/.test(value[index])) {
      index++;
    }
    if (index >= value.length || value[index] === ',') {
      return { params, end: index + 1 };
    }
    if (value[index] === '<') {
      // A new link without a separating comma; let the caller read it.
      return { params, end: index };
    }
    const nameMatch = /^[^=;,\s<]+/.exec(value.slice(index));
    if (!nameMatch) {
      index++;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    index += nameMatch[0].length;
    while (index < value.length && value[index] === ' ') {
      index++;
    }
    if (value[index] !== '=') {
      params.set(name, '');
      continue;
    }
    const param = readParameterValue(value, index + 1, /^[^;,\s]*/);
    index = param.end;
    if (!params.has(name)) {
      params.set(name, param.value);
    }
  }
  return { params, end: index };
}

/**
 * The target of the first `rel="next"` link, if any.
 *
 * @internal
 */
export function findNextLink(
  values: string | string[] | undefined,
): string | undefined {
  return parseLinkHeader(values).find(link => link.rel.includes('next'))
    ?.target;
}
