import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BearerTokenVerifier, readTokenFile } from './BearerTokenVerifier';

const first = 'first-token-0123456789abcdef';
const second = 'second-token-0123456789abcdef';
const rotated = 'rotated-token-0123456789abcdef';

describe('BearerTokenVerifier', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-tokens-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('accepts any configured token and refuses everything else', () => {
    const verifier = new BearerTokenVerifier({
      tokens: [first, second],
      tokenFiles: [],
    });
    expect(verifier.verify(`Bearer ${first}`)).toBe(true);
    expect(verifier.verify(`bearer ${second}`)).toBe(true);
    expect(verifier.verify(`Bearer ${first}x`)).toBe(false);
    expect(verifier.verify(`Bearer ${first.slice(0, -1)}`)).toBe(false);
    expect(verifier.verify(`Basic ${first}`)).toBe(false);
    expect(verifier.verify(first)).toBe(false);
    expect(verifier.verify('Bearer ')).toBe(false);
    expect(verifier.verify(undefined)).toBe(false);
  });

  it('compares against every token in constant time', () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    const verifier = new BearerTokenVerifier({
      tokens: [first, second, rotated],
      tokenFiles: [],
    });
    expect(verifier.verify(`Bearer ${first}`)).toBe(true);
    // The match on the first token does not stop the comparison.
    expect(compare).toHaveBeenCalledTimes(3);
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('re-reads token files so that a rotated Secret takes effect', () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, `${first}\n`);
    let now = 0;
    const verifier = new BearerTokenVerifier({
      tokens: [],
      tokenFiles: [file],
      reloadIntervalMs: 1000,
      now: () => now,
    });
    expect(verifier.verify(`Bearer ${first}`)).toBe(true);

    // Both tokens during the rotation, then only the new one.
    fs.writeFileSync(file, `${first}\n${rotated}\n`);
    expect(verifier.verify(`Bearer ${rotated}`)).toBe(false);
    now = 1000;
    expect(verifier.verify(`Bearer ${rotated}`)).toBe(true);
    expect(verifier.verify(`Bearer ${first}`)).toBe(true);
    fs.writeFileSync(file, `${rotated}\n`);
    now = 2000;
    expect(verifier.verify(`Bearer ${first}`)).toBe(false);
    expect(verifier.verify(`Bearer ${rotated}`)).toBe(true);
  });

  it('keeps the previous tokens while a token file cannot be read', () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, first);
    let now = 0;
    const logger = {
      debug: jest.fn(),
      info: jest.fn(),
      warn: jest.fn(),
      error: jest.fn(),
    };
    const verifier = new BearerTokenVerifier({
      tokens: [],
      tokenFiles: [file],
      reloadIntervalMs: 10,
      now: () => now,
      logger,
    });
    fs.rmSync(file);
    now = 100;
    expect(verifier.verify(`Bearer ${first}`)).toBe(true);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(first);
  });
});

describe('readTokenFile', () => {
  it('reads one token per line and refuses short or missing tokens', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-tokens-'));
    try {
      const file = path.join(dir, 'token');
      fs.writeFileSync(file, `\n${first}\r\n\n${second}\n`);
      expect(readTokenFile(file)).toEqual([first, second]);
      fs.writeFileSync(file, '\n \n');
      expect(() => readTokenFile(file)).toThrow(/holds no token/);
      fs.writeFileSync(file, 'short-secret');
      expect(() => readTokenFile(file)).toThrow(
        /line 1 .* shorter than 16 characters/,
      );
      expect(() => readTokenFile(file)).not.toThrow(/short-secret/);
      expect(() => readTokenFile(path.join(dir, 'missing'))).toThrow(
        /cannot read .*missing \(ENOENT\)/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
