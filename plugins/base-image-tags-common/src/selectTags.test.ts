import { TagCounts } from './api';
import { parseImagePattern } from './imagePattern';
import { DEFAULT_TAG_LIMIT, emptyTagCounts, selectTags } from './selectTags';

const hex64 = 'c0ffee'.repeat(10).concat('beef');

function counts(partial: Partial<TagCounts>): TagCounts {
  return { ...emptyTagCounts(), ...partial };
}

describe('selectTags', () => {
  // The vectors every implementation must hold: glob, input, newest first.
  it.each([
    [
      '8.10-*',
      [
        '8.10-896',
        '8.10-1020',
        '8.10-1088',
        '8.10-1088.1696512345',
        '8.9-1161',
        'latest',
      ],
      ['8.10-1088.1696512345', '8.10-1088', '8.10-1020', '8.10-896'],
      counts({ inRepository: 6, matched: 4, kept: 4 }),
    ],
    [
      '*',
      ['1.26', '1.25', '10.0', '9.0', '8.0', '2.0'],
      ['10.0', '9.0', '8.0', '2.0', '1.26', '1.25'],
      counts({ inRepository: 6, matched: 6, kept: 6 }),
    ],
    [
      '*-alpine',
      [
        '17.9-alpine',
        '17.10-alpine',
        '17.11-alpine',
        '16.4-alpine',
        '3.19-alpine',
      ],
      [
        '17.11-alpine',
        '17.10-alpine',
        '17.9-alpine',
        '16.4-alpine',
        '3.19-alpine',
      ],
      counts({ inRepository: 5, matched: 5, kept: 5 }),
    ],
    [
      '*',
      ['2021.12.1', '2022.04.0', '2022.04.1', '2022.04.2', '5.8.4'],
      ['2022.04.2', '2022.04.1', '2022.04.0', '2021.12.1', '5.8.4'],
      counts({ inRepository: 5, matched: 5, kept: 5 }),
    ],
    [
      '4.8*',
      ['4.8.1', '4.8-20250909'],
      ['4.8.1', '4.8-20250909'],
      counts({ inRepository: 2, matched: 2, kept: 2 }),
    ],
    [
      '*',
      ['1.0.2-f3ba42e', '1.0.1', '1.0.0'],
      ['1.0.1', '1.0.0'],
      counts({ inRepository: 3, matched: 3, variants: 1, kept: 2 }),
    ],
    [
      '*',
      ['1.2.3', '1.3.0', 'latest', `sha256:${hex64}`, `sha256-${hex64}.sig`],
      ['1.3.0', '1.2.3'],
      counts({ inRepository: 5, notTags: 2, matched: 3, variants: 1, kept: 2 }),
    ],
  ])('vector %s from %j', (glob, input, expected, expectedCounts) => {
    const pattern = parseImagePattern(`alpine:${glob}`);
    expect(selectTags(pattern, input)).toEqual({
      tags: expected,
      counts: expectedCounts,
    });
  });

  it.each([
    [
      'drops names outside the OCI tag grammar and artifacts',
      'app:*',
      [
        '1.0',
        '.1.1',
        `${'1'.repeat(129)}`,
        'a b',
        `sha256-${hex64}.att`,
        `sha256-${hex64}.sbom`,
        `sha256-${hex64}`,
      ],
      ['1.0'],
      counts({ inRepository: 7, notTags: 6, matched: 1, kept: 1 }),
    ],
    [
      'a plain tag part is a prefix',
      'ubi8/ubi:8.10-',
      ['8.10-1088', '8.10', '8.100-1', '8.10-1020'],
      ['8.10-1088', '8.10-1020'],
      counts({ inRepository: 4, matched: 2, kept: 2 }),
    ],
    [
      'a source build is another variant',
      'ubi8/ubi:8.10-*',
      ['8.10-1088', '8.10-1088-source', '8.10-1020-source'],
      ['8.10-1088'],
      counts({ inRepository: 3, matched: 3, variants: 2, kept: 1 }),
    ],
    [
      'the source variant when the glob names it',
      'ubi8/ubi:8.10-*-source',
      ['8.10-1088', '8.10-1088-source', '8.10-1020-source'],
      ['8.10-1088-source', '8.10-1020-source'],
      counts({ inRepository: 3, matched: 2, kept: 2 }),
    ],
    [
      'prereleases are another variant',
      'app:*',
      ['1.0.0', '1.1.0-rc1', '1.1.0-rc.2', '1.1.0-beta'],
      ['1.0.0'],
      counts({ inRepository: 4, matched: 4, variants: 3, kept: 1 }),
    ],
    [
      'prereleases when the glob names them',
      'app:*-rc*',
      ['1.0.0', '1.1.0-rc1', '1.1.0-rc.2', '1.1.0-rc10', '1.1.0-beta'],
      ['1.1.0-rc10', '1.1.0-rc.2', '1.1.0-rc1'],
      counts({ inRepository: 5, matched: 3, kept: 3 }),
    ],
    [
      'other variants with a bare glob, named variants with braces',
      'node:*-{alpine,slim}',
      ['20.1-alpine', '20.2-slim', '20.3', '20.3-bookworm', '20.3-alpine'],
      ['20.3-alpine', '20.2-slim', '20.1-alpine'],
      counts({ inRepository: 5, matched: 3, kept: 3 }),
    ],
    [
      'a variant suffix under a bare glob',
      'node:*',
      ['20.1-alpine', '20.2', 'v20.3', 'lts', 'edge'],
      ['v20.3', '20.2'],
      counts({ inRepository: 5, matched: 5, variants: 3, kept: 2 }),
    ],
    [
      'tags without digits are never ranked, even when named',
      'app:latest',
      ['latest', 'latest-1', 'latest2'],
      ['latest2', 'latest-1'],
      counts({ inRepository: 3, matched: 3, variants: 1, kept: 2 }),
    ],
    [
      'exclusions apply after the glob',
      'alpine:3.* !3.19.0 !*.1',
      ['3.19.0', '3.19.1', '3.19.2', '3.20.1', '4.0.0'],
      ['3.19.2'],
      counts({ inRepository: 5, matched: 4, excluded: 3, kept: 1 }),
    ],
    [
      'exclusions are exact globs, not prefixes',
      'alpine:3.* !3.19',
      ['3.19', '3.19.1'],
      ['3.19.1'],
      counts({ inRepository: 2, matched: 2, excluded: 1, kept: 1 }),
    ],
    [
      'the range applies after the exclusions, on the version numbers',
      'ubi8/ubi:* !8.10-1020 range=">=8.10 <9"',
      ['8.9-1161', '8.10-1020', '8.10-1088', '9.0-1', '10.1-2'],
      ['8.10-1088'],
      counts({
        inRepository: 5,
        matched: 5,
        excluded: 1,
        outOfRange: 3,
        kept: 1,
      }),
    ],
    [
      'the range sees a prerelease as its version numbers',
      'app:*-rc* range=">=1.1.0"',
      ['1.0.0-rc.1', '1.1.0-rc.1'],
      ['1.1.0-rc.1'],
      counts({ inRepository: 2, matched: 2, outOfRange: 1, kept: 1 }),
    ],
    [
      'tags without a semver-sized version are out of range',
      'app:* range=">=1"',
      ['latest', '12345678901234567.1', '2.0'],
      ['2.0'],
      counts({ inRepository: 3, matched: 3, outOfRange: 2, kept: 1 }),
    ],
    [
      'duplicates count once',
      'app:*',
      ['1.0', '1.0', '2.0'],
      ['2.0', '1.0'],
      counts({ inRepository: 2, matched: 2, kept: 2 }),
    ],
  ])('%s', (_rule, text, input, expected, expectedCounts) => {
    expect(selectTags(parseImagePattern(text), input)).toEqual({
      tags: expected,
      counts: expectedCounts,
    });
  });

  it(`keeps the newest ${DEFAULT_TAG_LIMIT} by default, or the given limit`, () => {
    const tags = Array.from({ length: 250 }, (_, i) => `1.${i}.0`);
    const pattern = parseImagePattern('app:1.*');
    const kept = selectTags(pattern, tags);
    expect(kept.tags).toHaveLength(DEFAULT_TAG_LIMIT);
    expect(kept.tags[0]).toBe('1.249.0');
    expect(kept.tags[DEFAULT_TAG_LIMIT - 1]).toBe('1.150.0');
    expect(kept.counts).toEqual(
      counts({ inRepository: 250, matched: 250, kept: DEFAULT_TAG_LIMIT }),
    );
    expect(selectTags(pattern, tags, { limit: 3 }).tags).toEqual([
      '1.249.0',
      '1.248.0',
      '1.247.0',
    ]);
    expect(selectTags(pattern, tags, { limit: 0 }).tags).toEqual([]);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses the limit %d', limit => {
    expect(() =>
      selectTags(parseImagePattern('app:*'), ['1.0'], { limit }),
    ).toThrow(`Invalid tag limit ${limit}; give a whole number of 0 or more`);
  });

  it('refuses a hand-made pattern with a bad glob or range', () => {
    const pattern = parseImagePattern('app:*');
    expect(() => selectTags({ ...pattern, tagGlob: 'a b' }, ['1.0'])).toThrow(
      'Invalid glob "a b" in base image pattern "docker.io/library/app:*": ' +
        '" " cannot appear in a tag',
    );
    expect(() => selectTags({ ...pattern, range: 'soon' }, ['1.0'])).toThrow(
      'Invalid range "soon" in base image pattern "docker.io/library/app:*"; ' +
        'write e.g. range=">=8.10 <9"',
    );
  });

  it('reads any iterable of tags', () => {
    function* listing() {
      yield '1.0';
      yield '2.0';
    }
    expect(selectTags(parseImagePattern('app:*'), listing()).tags).toEqual([
      '2.0',
      '1.0',
    ]);
  });
});
