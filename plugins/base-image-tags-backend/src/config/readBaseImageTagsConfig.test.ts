import { ConfigReader } from '@backstage/config';
import { readBaseImageTagsConfig } from './readBaseImageTagsConfig';

const read = (baseImageTags: unknown) =>
  readBaseImageTagsConfig(new ConfigReader({ baseImageTags } as any));

describe('readBaseImageTagsConfig', () => {
  it('applies the defaults', () => {
    const config = readBaseImageTagsConfig(new ConfigReader({}));
    expect(config).toMatchObject({
      intervalMs: 4 * 3600_000,
      maxTagsPerPattern: 100,
      maxPatternsPerEntity: 50,
      concurrency: 8,
      backoff: { initialMs: 15 * 60_000, maxMs: 24 * 3600_000 },
      allowPublicRegistries: true,
      registries: [],
      patterns: [],
    });
    expect(config.schedule).toMatchObject({
      frequency: { minutes: 5 },
      scope: 'global',
    });
  });

  it('reads every key', () => {
    const config = read({
      interval: { hours: 1 },
      schedule: { frequency: { minutes: 2 }, timeout: '10m', scope: 'local' },
      maxTagsPerPattern: 20,
      maxPatternsPerEntity: 200,
      concurrency: 3,
      backoff: { initial: '1m', max: { hours: 2 } },
      allowPublicRegistries: false,
      registries: [{ host: 'registry.example.com:5000', insecure: true }],
      patterns: [
        'alpine:3.*',
        { pattern: 'ubi8/ubi:8.10-*', exclude: '*-source', range: '>=8.10' },
        { pattern: 'node:22.*', exclude: ['*-rc*', '*-beta*'] },
      ],
    });
    expect(config).toMatchObject({
      intervalMs: 3600_000,
      maxTagsPerPattern: 20,
      maxPatternsPerEntity: 200,
      concurrency: 3,
      backoff: { initialMs: 60_000, maxMs: 2 * 3600_000 },
      allowPublicRegistries: false,
      registries: ['registry.example.com:5000'],
      patterns: [
        { pattern: 'alpine:3.*' },
        { pattern: 'ubi8/ubi:8.10-*', exclude: ['*-source'], range: '>=8.10' },
        { pattern: 'node:22.*', exclude: ['*-rc*', '*-beta*'] },
      ],
    });
    // The task always runs on one replica at a time.
    expect(config.schedule).toMatchObject({
      frequency: { minutes: 2 },
      timeout: { minutes: 10 },
      scope: 'global',
    });
  });

  it('reports every problem at once with the keys to fix', () => {
    let caught: unknown;
    try {
      read({
        interval: 'soon',
        maxTagsPerPattern: 0,
        maxPatternsPerEntity: 1001,
        concurrency: 2.5,
        backoff: { initial: { hours: 2 }, max: { hours: 1 } },
        allowPublicRegistries: 'maybe',
        registries: [{ insecure: true }],
        patterns: ['alpine:3.*', 42, { exclude: [1] }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'InputError' });
    const message = (caught as Error).message;
    for (const key of [
      'baseImageTags.interval',
      'baseImageTags.maxTagsPerPattern',
      'baseImageTags.maxPatternsPerEntity',
      'baseImageTags.concurrency',
      'baseImageTags.backoff.max',
      'baseImageTags.allowPublicRegistries',
      'baseImageTags.registries[0].host',
      'baseImageTags.patterns[1]',
      'baseImageTags.patterns[2].pattern',
      'baseImageTags.patterns[2].exclude',
    ]) {
      expect(message).toContain(`${key}:`);
    }
  });

  it('keeps a pattern that does not parse; it is shown, not fatal', () => {
    expect(read({ patterns: ['not a pattern'] }).patterns).toEqual([
      { pattern: 'not a pattern' },
    ]);
  });

  it.each([
    [1, 1],
    [1000, 1000],
  ])('accepts maxPatternsPerEntity %s', (value, expected) => {
    expect(read({ maxPatternsPerEntity: value }).maxPatternsPerEntity).toBe(
      expected,
    );
  });

  it.each([0, 1001, 2.5, -3, 'many'])(
    'refuses maxPatternsPerEntity %j with the key to fix',
    value => {
      expect(() => read({ maxPatternsPerEntity: value })).toThrow(
        /baseImageTags\.maxPatternsPerEntity:/,
      );
    },
  );
});
