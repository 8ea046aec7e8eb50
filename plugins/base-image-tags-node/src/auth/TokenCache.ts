import { RegistryClock } from '../politeness/clock';

const maxEntries = 1000;

/**
 * Bearer tokens by realm, service, scope and credential identity, kept
 * until shortly before `expires_in` runs out.
 *
 * @internal
 */
export class TokenCache {
  private readonly tokens = new Map<
    string,
    { token: string; expiresAt: number }
  >();

  constructor(private readonly clock: RegistryClock) {}

  static key(parts: {
    realm: string;
    service?: string;
    scope: string;
    identity: string;
  }) {
    return [parts.realm, parts.service ?? '', parts.scope, parts.identity].join(
      '\n',
    );
  }

  get(key: string): string | undefined {
    const entry = this.tokens.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= this.clock.now()) {
      this.tokens.delete(key);
      return undefined;
    }
    return entry.token;
  }

  set(key: string, token: string, expiresInSeconds: number) {
    // Renew a little early so a token does not expire mid-request.
    const margin = Math.min(10, expiresInSeconds * 0.1);
    this.tokens.delete(key);
    this.tokens.set(key, {
      token,
      expiresAt: this.clock.now() + (expiresInSeconds - margin) * 1000,
    });
    if (this.tokens.size > maxEntries) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) {
        this.tokens.delete(oldest);
      }
    }
  }

  delete(key: string) {
    this.tokens.delete(key);
  }
}
