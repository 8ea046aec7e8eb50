import { RegistryCredentials } from '../credentials/CredentialStore';
import { RegistryError, RegistryErrorDetails } from '../errors/RegistryError';
import { HttpRequest, HttpResult } from '../http/RegistryTransport';
import { RepositoryRef } from '../types';

/**
 * What a request sends, when the listing supplies signal and limits.
 *
 * @internal
 */
export type ListingRequest = Omit<HttpRequest, 'signal' | 'bodyLimit'> & {
  bodyLimit?: number;
};

/**
 * The state of one listing, shared by the pager and the authenticator.
 *
 * @internal
 */
export interface ListingContext {
  /** The repository, with the registry name normalised. */
  ref: RepositoryRef;
  /** Where the registry's API lives, e.g. `https://registry-1.docker.io`. */
  registryOrigin: URL;
  credentials?: RegistryCredentials;
  signal: AbortSignal;
  /** Sends one request through the host's gate, counting it. */
  send(url: URL, init: ListingRequest): Promise<HttpResult>;
  /**
   * Builds a typed error about this repository, its message and code passed
   * through {@link ListingContext.redact}.
   */
  error(
    details: Omit<RegistryErrorDetails, 'registry' | 'repository'>,
  ): RegistryError;
  /**
   * Masks every secret of this listing in text bound for an error or a log:
   * the configured credentials and the tokens issued for them, in case a
   * registry echoes one back.
   */
  redact(text: string): string;
  /** Adds a secret, such as an issued bearer token, for `redact` to mask. */
  rememberSecret(secret: string): void;
}
