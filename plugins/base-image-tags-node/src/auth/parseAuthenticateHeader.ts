import { readParameterValue } from '../http/readParameterValue';

/**
 * One challenge of a `WWW-Authenticate` header.
 *
 * @internal
 */
export interface AuthChallenge {
  /** Lower case scheme, e.g. `bearer` or `basic`. */
  scheme: string;
  /** Parameters with lower case names, e.g. `realm`, `service`, `scope`. */
  params: Record<string, string>;
}

const tokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Parses `WWW-Authenticate` values into challenges. Quoted values may hold
 * commas and escaped quotes; several challenges may share one header, and
 * several headers may be given.
 *
 * @internal
 */
export function parseAuthenticateHeader(
  values: string | string[] | undefined,
): AuthChallenge[] {
  if (values === undefined) {
    return [];
  }
  const challenges: AuthChallenge[] = [];
  for (const value of Array.isArray(values) ? values : [values]) {
    let index = 0;
    let current: AuthChallenge | undefined;
    while (index < value.length) {
      while (index < value.length && /[\s,]/.test(value[index])) {
        index++;
      }
      const token = tokenPattern.exec(value.slice(index))?.[0];
      if (!token) {
        index++;
        continue;
      }
      index += token.length;
      let lookahead = index;
      while (lookahead < value.length && value[lookahead] === ' ') {
        lookahead++;
      }
      const isParam =
        current !== undefined &&
        value[lookahead] === '=' &&
        // `token68=` padding is not a parameter; a parameter has a value.
        value[lookahead + 1] !== '=';
      if (!isParam) {
        current = { scheme: token.toLowerCase(), params: {} };
        challenges.push(current);
        continue;
      }
      const param = readParameterValue(value, lookahead + 1, /^[^,\s]*/);
      index = param.end;
      current!.params[token.toLowerCase()] = param.value;
    }
  }
  return challenges;
}
