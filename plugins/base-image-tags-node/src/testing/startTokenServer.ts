import crypto from 'node:crypto';
import http from 'node:http';
import { startLocalServer } from './startLocalServer';

/**
 * One grant of a registry token, as Distribution reads it.
 *
 * @public
 */
export interface TokenAccess {
  type: string;
  name: string;
  actions: string[];
}

/**
 * Options of {@link startTokenServer}.
 *
 * @public
 */
export interface TokenServerOptions {
  /** PEM RSA key that signs tokens. */
  signingKey: string;
  /** PEM certificate of `signingKey`, sent in the token header's `x5c`. */
  signingCert: string;
  /** Users and the actions each may be granted. */
  users: Record<string, { password: string; actions: string[] }>;
  /** Grant `pull` to requests without credentials. Default false. */
  allowAnonymousPull?: boolean;
  /** Must match the registry's `auth.token.service`. */
  service: string;
  /** Must match the registry's `auth.token.issuer`. */
  issuer: string;
  /** Serve HTTPS with this certificate; plain HTTP when absent. */
  tls?: { cert: string; key: string };
  /** Lifetime of issued tokens in seconds. Default 300. */
  expiresIn?: number;
}

/**
 * A request the token server saw.
 *
 * @public
 */
export interface TokenServerRequest {
  method: string;
  url: string;
  /** The user that authenticated, if any. */
  user?: string;
  scopes: string[];
  status: number;
}

/**
 * A running token server.
 *
 * @public
 */
export interface TokenServer {
  /** Realm URL to configure in the registry, ending in `/token`. */
  realm: string;
  requests: TokenServerRequest[];
  /** Signs a token directly, e.g. for pushing test images. */
  issue(access: TokenAccess[], subject?: string): string;
  stop(): Promise<void>;
}

function base64url(value: string | Buffer) {
  return Buffer.from(value).toString('base64url');
}

/** The base64 DER body of a PEM certificate, as `x5c` wants it. */
function pemBody(pem: string) {
  return pem
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
}

function parseScope(scope: string): TokenAccess | undefined {
  const parts = scope.split(':');
  if (parts.length < 3) {
    return undefined;
  }
  const actions = parts.pop()!.split(',').filter(Boolean);
  const type = parts.shift()!;
  return { type, name: parts.join(':'), actions };
}

/**
 * Starts a small token server for Distribution's `auth.token` mode. It
 * checks basic credentials against `users` and signs RS256 tokens whose
 * header carries the signing certificate in `x5c`; the registry's
 * `rootcertbundle` must hold that certificate.
 *
 * @public
 */
export async function startTokenServer(
  options: TokenServerOptions,
): Promise<TokenServer> {
  const expiresIn = options.expiresIn ?? 300;
  const requests: TokenServerRequest[] = [];

  const issue = (access: TokenAccess[], subject = '') => {
    const now = Math.floor(Date.now() / 1000);
    const header = {
      typ: 'JWT',
      alg: 'RS256',
      x5c: [pemBody(options.signingCert)],
    };
    const claims = {
      iss: options.issuer,
      sub: subject,
      aud: options.service,
      exp: now + expiresIn,
      nbf: now - 10,
      iat: now,
      jti: crypto.randomUUID(),
      access,
    };
    const input = `${base64url(JSON.stringify(header))}.${base64url(
      JSON.stringify(claims),
    )}`;
    const signature = crypto.sign(
      'sha256',
      Buffer.from(input),
      options.signingKey,
    );
    return `${input}.${base64url(signature)}`;
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    const scopes = url.searchParams.getAll('scope');
    const record: TokenServerRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '',
      scopes,
      status: 200,
    };
    requests.push(record);
    const reply = (status: number, body: unknown) => {
      record.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };

    if (url.pathname !== '/token') {
      reply(404, { details: 'not found' });
      return;
    }
    if (url.searchParams.get('service') !== options.service) {
      reply(400, { details: 'unknown service' });
      return;
    }
    let allowed: string[] = [];
    const authorization = req.headers.authorization;
    if (authorization) {
      const match = /^Basic\s+(.+)$/i.exec(authorization);
      const decoded = match
        ? Buffer.from(match[1], 'base64').toString('utf8')
        : '';
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      const entry = colon > 0 ? options.users[user] : undefined;
      if (!entry || entry.password !== decoded.slice(colon + 1)) {
        reply(401, { details: 'invalid credentials' });
        return;
      }
      record.user = user;
      allowed = entry.actions;
    } else if (options.allowAnonymousPull) {
      allowed = ['pull'];
    } else {
      reply(401, { details: 'credentials required' });
      return;
    }
    const access = scopes
      .flatMap(scope => scope.split(' '))
      .map(parseScope)
      .filter((grant): grant is TokenAccess => grant !== undefined)
      .map(grant => ({
        ...grant,
        actions: grant.actions.filter(action => allowed.includes(action)),
      }));
    const token = issue(access, record.user);
    reply(200, {
      token,
      access_token: token,
      expires_in: expiresIn,
      issued_at: new Date().toISOString(),
    });
  };

  const server = await startLocalServer(handle, options.tls);
  return {
    realm: `${server.url}/token`,
    requests,
    issue,
    stop: server.stop,
  };
}
