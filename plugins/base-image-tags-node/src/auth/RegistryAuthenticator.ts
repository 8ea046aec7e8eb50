import { createHash } from 'node:crypto';
import { ListingContext } from '../client/ListingContext';
import { RegistryCredentials } from '../credentials/CredentialStore';
import { RegistryError } from '../errors/RegistryError';
import {
  describeRegistryReason,
  parseRegistryErrorBody,
} from '../errors/registryErrorBody';
import { describeUrl, sanitizedExcerpt } from '../errors/sanitize';
import { HttpResult } from '../http/RegistryTransport';
import { parseRetryAfter } from '../http/parseRetryAfter';
import { RegistryClock } from '../politeness/clock';
import { LoggerLike } from '../types';
import {
  AuthChallenge,
  parseAuthenticateHeader,
} from './parseAuthenticateHeader';
import { TokenCache } from './TokenCache';

type KnownChallenge =
  | { scheme: 'bearer'; realm: URL; service?: string }
  | { scheme: 'basic' };

const tokenBodyLimit = 1024 * 1024;
/** Visible ASCII only: anything else cannot travel in a header unchanged. */
const headerSafeToken = /^[\x21-\x7e]+$/;
const defaultTokenLifetimeSeconds = 60;
/** Warnings remembered so as to log each once; a registry can vary realms. */
const maxRememberedWarnings = 1000;

function basicHeader(credentials: RegistryCredentials) {
  const pair = `${credentials.username}:${credentials.password}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

function hasPassword(credentials?: RegistryCredentials) {
  return Boolean(credentials?.username && credentials.password);
}

/** A fingerprint that tells credentials apart without holding them. */
function credentialIdentity(credentials?: RegistryCredentials) {
  if (!credentials) {
    return 'anonymous';
  }
  return createHash('sha256')
    .update(
      [
        credentials.username,
        credentials.password,
        credentials.identityToken,
      ].join('\u0000'),
    )
    .digest('base64url')
    .slice(0, 22);
}

function findChallenge(challenges: AuthChallenge[], scheme: string) {
  return challenges.find(challenge => challenge.scheme === scheme);
}

/**
 * Answers registry auth challenges: anonymous first, then a bearer token
 * from the realm the registry names (with basic credentials when there are
 * some), or basic auth when the registry asks for it. Remembers each
 * registry's challenge so later listings fetch their token up front.
 *
 * @internal
 */
export class RegistryAuthenticator {
  private readonly known = new Map<string, KnownChallenge>();
  private readonly refusedRegistryTokens = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly tokens: TokenCache,
    private readonly clock: RegistryClock,
    private readonly logger?: LoggerLike,
  ) {}

  /** The Authorization for a registry request before any challenge. */
  async preemptive(ctx: ListingContext): Promise<string | undefined> {
    const { credentials, ref } = ctx;
    if (
      credentials?.registryToken &&
      !this.refusedRegistryTokens.has(ref.registry)
    ) {
      return `Bearer ${credentials.registryToken}`;
    }
    const known = this.known.get(ref.registry);
    if (known?.scheme === 'bearer') {
      const scope = `repository:${ref.repository}:pull`;
      const token = await this.token(ctx, known.realm, known.service, [scope]);
      return `Bearer ${token}`;
    }
    if (known?.scheme === 'basic' && hasPassword(credentials)) {
      return basicHeader(credentials!);
    }
    return undefined;
  }

  /**
   * The Authorization to retry with after the registry answered 401 to a
   * request that carried `sent`; throws when there is nothing to retry with.
   */
  async afterUnauthorized(
    ctx: ListingContext,
    response: HttpResult,
    sent: string | undefined,
  ): Promise<string> {
    const { credentials, ref } = ctx;
    if (
      credentials?.registryToken &&
      sent === `Bearer ${credentials.registryToken}`
    ) {
      this.refusedRegistryTokens.add(ref.registry);
    }
    const challenges = parseAuthenticateHeader(
      response.headers['www-authenticate'],
    );
    const bearer = findChallenge(challenges, 'bearer');
    if (bearer) {
      const realm = this.realmOf(ctx, bearer);
      const service = bearer.params.service || undefined;
      this.known.set(ref.registry, { scheme: 'bearer', realm, service });
      const scopes = (
        bearer.params.scope || `repository:${ref.repository}:pull`
      )
        .split(' ')
        .filter(Boolean);
      // A token we sent and the registry rejected must not come from cache.
      const refresh = Boolean(sent?.startsWith('Bearer '));
      const token = await this.token(ctx, realm, service, scopes, refresh);
      return `Bearer ${token}`;
    }
    if (hasPassword(credentials) && !sent?.startsWith('Basic ')) {
      this.known.set(ref.registry, { scheme: 'basic' });
      return basicHeader(credentials!);
    }
    throw this.refused(ctx, response, sent);
  }

  /** The error for a 401 that no further credentials can fix. */
  refused(
    ctx: ListingContext,
    response: HttpResult,
    sent: string | undefined,
  ): RegistryError {
    const { credentials, ref } = ctx;
    const challenges = parseAuthenticateHeader(
      response.headers['www-authenticate'],
    );
    const bearer = findChallenge(challenges, 'bearer');
    const code = parseRegistryErrorBody(response.body.toString('utf8'))?.code;
    const hasCredentials = Boolean(credentials);
    if (bearer?.params.error === 'insufficient_scope') {
      return ctx.error({
        kind: hasCredentials ? 'denied' : 'unauthorized',
        status: 401,
        code,
        message: hasCredentials
          ? `${ref.registry} does not let the configured credentials pull ${ref.repository}; the repository may not exist, or the account lacks pull access`
          : `${ref.registry} requires credentials to pull ${ref.repository}, or the repository does not exist; add credentials for ${ref.registry} to the registries configuration or a docker config file`,
      });
    }
    if (!hasCredentials) {
      return ctx.error({
        kind: 'unauthorized',
        status: 401,
        code,
        message: `${ref.registry} requires credentials for ${ref.repository}; add credentials for ${ref.registry} to the registries configuration or a docker config file`,
      });
    }
    const what = sent?.startsWith('Basic ')
      ? 'the configured username and password'
      : 'the token issued for the configured credentials';
    return ctx.error({
      kind: 'unauthorized',
      status: 401,
      code,
      message: `${ref.registry} refused ${what} for ${ref.repository}; check the credentials configured for ${ref.registry}`,
    });
  }

  private realmOf(ctx: ListingContext, challenge: AuthChallenge): URL {
    const raw = challenge.params.realm;
    let realm: URL | undefined;
    try {
      realm = raw ? new URL(raw) : undefined;
    } catch {
      realm = undefined;
    }
    if (!realm || !/^https?:$/.test(realm.protocol)) {
      throw ctx.error({
        kind: 'protocol',
        status: 401,
        message: `${
          ctx.ref.registry
        } sent a bearer challenge without a usable realm URL ("${sanitizedExcerpt(
          raw ?? '',
          100,
        )}")`,
      });
    }
    return realm;
  }

  private async token(
    ctx: ListingContext,
    realm: URL,
    service: string | undefined,
    scopes: string[],
    refresh = false,
  ): Promise<string> {
    const key = TokenCache.key({
      realm: realm.href,
      service,
      scope: scopes.join(' '),
      identity: credentialIdentity(ctx.credentials),
    });
    if (!refresh) {
      const cached = this.tokens.get(key);
      if (cached) {
        ctx.rememberSecret(cached);
        return cached;
      }
    }
    this.tokens.delete(key);

    // Not handled yet: sharing one in-flight token request between concurrent listings of a scope; effect: a duplicate token request now and then.
    const response = await this.requestToken(ctx, realm, service, scopes);
    const token = this.readToken(ctx, realm, response);
    ctx.rememberSecret(token.token);
    this.tokens.set(key, token.token, token.expiresIn);
    return token.token;
  }

  private async requestToken(
    ctx: ListingContext,
    realm: URL,
    service: string | undefined,
    scopes: string[],
  ): Promise<HttpResult> {
    const { credentials, registryOrigin } = ctx;
    // Credentials travel only over TLS, or to the registry's own origin when
    // it is configured for plain HTTP; never downgraded to plain HTTP.
    const mayCarry =
      realm.protocol === 'https:' || realm.origin === registryOrigin.origin;
    if (credentials && !mayCarry) {
      const warning = `${ctx.ref.registry}: token realm ${describeUrl(
        realm,
      )} is plain HTTP outside the registry's own origin; asking it for a token without credentials`;
      if (!this.warned.has(warning)) {
        if (this.warned.size >= maxRememberedWarnings) {
          this.warned.clear();
        }
        this.warned.add(warning);
        this.logger?.warn(ctx.redact(warning));
      }
    }
    const use = mayCarry ? credentials : undefined;
    const url = new URL(realm);
    if (service) {
      url.searchParams.set('service', service);
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (use?.identityToken) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: use.identityToken,
        client_id: 'base-image-tags',
        ...(service ? { service } : {}),
      });
      form.set('scope', scopes.join(' '));
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      return ctx.send(url, {
        method: 'POST',
        headers,
        body: form.toString(),
        bodyLimit: tokenBodyLimit,
        trustFrom: registryOrigin.host,
      });
    }
    for (const scope of scopes) {
      url.searchParams.append('scope', scope);
    }
    if (hasPassword(use)) {
      headers.Authorization = basicHeader(use!);
    }
    return ctx.send(url, {
      headers,
      bodyLimit: tokenBodyLimit,
      trustFrom: registryOrigin.host,
    });
  }

  private readToken(
    ctx: ListingContext,
    realm: URL,
    response: HttpResult,
  ): { token: string; expiresIn: number } {
    const { ref, credentials } = ctx;
    const where = `Token endpoint ${describeUrl(realm)} of ${ref.registry}`;
    const text = response.body.toString('utf8');
    // Not handled yet: redirects from a token endpoint; effect: they end the listing as a protocol error.
    if (response.status !== 200) {
      const body = parseRegistryErrorBody(text);
      const reason = describeRegistryReason(response.status, body, text);
      const base = { status: response.status, code: body?.code };
      if (response.status === 401) {
        throw ctx.error({
          ...base,
          kind: 'unauthorized',
          message: credentials
            ? `${where} refused the credentials configured for ${ref.registry} (${reason}); check the username and password or token`
            : `${where} requires credentials for ${ref.repository} (${reason}); add credentials for ${ref.registry} to the registries configuration or a docker config file`,
        });
      }
      if (response.status === 403) {
        throw ctx.error({
          ...base,
          kind: 'denied',
          message: `${where} denied access to ${ref.repository} (${reason})`,
        });
      }
      if (response.status === 429) {
        throw ctx.error({
          ...base,
          kind: 'rate-limited',
          retryAfterMs: parseRetryAfter(
            response.headers['retry-after'],
            this.clock.now(),
          ),
          message: `${where} is rate limiting us (${reason}); the listing will be retried later`,
        });
      }
      throw ctx.error({
        ...base,
        kind: response.status >= 500 ? 'network' : 'protocol',
        message: `${where} failed (${reason})`,
      });
    }
    let parsed: {
      token?: unknown;
      access_token?: unknown;
      expires_in?: unknown;
    };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw ctx.error({
        kind: 'protocol',
        status: response.status,
        message: `${where} answered 200 with a body that is not JSON: "${sanitizedExcerpt(
          text,
        )}"`,
      });
    }
    const token = [parsed?.token, parsed?.access_token].find(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    if (!token) {
      throw ctx.error({
        kind: 'protocol',
        status: response.status,
        message: `${where} answered without a "token" or "access_token"`,
      });
    }
    if (!headerSafeToken.test(token)) {
      throw ctx.error({
        kind: 'protocol',
        status: response.status,
        message: `${where} answered a token that cannot be sent in an Authorization header (it holds spaces, control or non-ASCII characters)`,
      });
    }
    const expiresIn =
      typeof parsed.expires_in === 'number' && parsed.expires_in > 0
        ? parsed.expires_in
        : defaultTokenLifetimeSeconds;
    return { token, expiresIn };
  }
}
