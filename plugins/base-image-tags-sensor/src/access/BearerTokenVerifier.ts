import crypto from 'node:crypto';
import {
  LoggerLike,
  readConfiguredFile,
} from '@base-image-tags/plugin-base-image-tags-node';

/**
 * Shorter tokens are refused at start-up: they could be guessed.
 *
 * @public
 */
export const minimumTokenLength = 16;

/**
 * Reads the tokens of a token file: one per non-empty line, so that a
 * mounted Secret can hold the current and the next token during rotation.
 * Throws an `Error` naming what is wrong, never the token itself.
 *
 * @public
 */
export function readTokenFile(path: string): string[] {
  const tokens = readConfiguredFile(path)
    .toString('utf8')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean);
  if (tokens.length === 0) {
    throw new Error(`${path} holds no token`);
  }
  tokens.forEach((token, index) => {
    if (token.length < minimumTokenLength) {
      throw new Error(
        `line ${
          index + 1
        } of ${path} is shorter than ${minimumTokenLength} characters; use a long random token`,
      );
    }
  });
  return tokens;
}

function digest(token: string): Buffer {
  return crypto.createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Options of {@link BearerTokenVerifier}.
 *
 * @public
 */
export interface BearerTokenVerifierOptions {
  /** Tokens written in the configuration. */
  tokens: string[];
  /** Files holding tokens, one per line; re-read while the sensor runs. */
  tokenFiles: string[];
  /** How often token files are read again. Default 30 s. */
  reloadIntervalMs?: number;
  logger?: LoggerLike;
  /** Milliseconds now; for tests. */
  now?: () => number;
}

/**
 * Checks `Authorization: Bearer …` headers against the accepted tokens.
 * Every accepted token is compared, each as a SHA-256 digest with
 * `crypto.timingSafeEqual`, so neither the answer time nor an early exit
 * tells a caller how much of a token it guessed.
 *
 * @public
 */
export class BearerTokenVerifier {
  private readonly configDigests: Buffer[];
  private readonly fileDigests = new Map<string, Buffer[]>();
  private readonly failingFiles = new Set<string>();
  private readonly options: BearerTokenVerifierOptions;
  private readonly now: () => number;
  private loadedAt: number;

  constructor(options: BearerTokenVerifierOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.configDigests = options.tokens.map(digest);
    this.loadedAt = this.now();
    this.loadFiles();
  }

  /** Whether the header carries one of the accepted tokens. */
  verify(authorization: string | undefined): boolean {
    const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization ?? '');
    if (!match) {
      return false;
    }
    this.reloadWhenDue();
    const presented = digest(match[1]);
    let accepted = false;
    for (const candidate of this.acceptedDigests()) {
      // No early exit: every token is compared on every request.
      accepted = crypto.timingSafeEqual(presented, candidate) || accepted;
    }
    return accepted;
  }

  private acceptedDigests(): Buffer[] {
    return [...this.configDigests, ...[...this.fileDigests.values()].flat()];
  }

  private reloadWhenDue() {
    const interval = this.options.reloadIntervalMs ?? 30_000;
    if (this.options.tokenFiles.length === 0) {
      return;
    }
    if (this.now() - this.loadedAt < interval) {
      return;
    }
    this.loadedAt = this.now();
    this.loadFiles();
  }

  private loadFiles() {
    for (const path of this.options.tokenFiles) {
      try {
        this.fileDigests.set(path, readTokenFile(path).map(digest));
        if (this.failingFiles.delete(path)) {
          this.options.logger?.info(`Token file ${path} is readable again`);
        }
      } catch (error) {
        // Keep the tokens read before: a Secret being rewritten must not
        // lock every caller out.
        if (!this.failingFiles.has(path)) {
          this.failingFiles.add(path);
          this.options.logger?.warn(
            `Keeping the previous tokens of a token file: ${
              (error as Error).message
            }`,
          );
        }
      }
    }
  }
}
