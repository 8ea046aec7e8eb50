import { rsort } from 'semver';
import { compareTags, newestTags, rankTags } from './rankTags';
import { rankKeyOf, tagOfRankKey } from './tagVersion';

// Input order must not matter, so every case is ranked from reversed and
// rotated copies as well.
function permutations(tags: string[]): string[][] {
  const rotated = [...tags.slice(1), ...tags.slice(0, 1)];
  return [tags, [...tags].reverse(), rotated];
}

describe('rankTags', () => {
  it.each([
    [
      'numbers compare as numbers, not text',
      ['1.26', '1.25', '10.0', '9.0', '8.0', '2.0'],
      ['10.0', '9.0', '8.0', '2.0', '1.26', '1.25'],
    ],
    [
      'numbers of any length, beyond 64-bit integers',
      [
        '1.99999999999999999999',
        '1.100000000000000000000',
        '1.9007199254740993',
        '1.9007199254740992',
      ],
      [
        '1.100000000000000000000',
        '1.99999999999999999999',
        '1.9007199254740993',
        '1.9007199254740992',
      ],
    ],
    [
      'timestamps of 20+ digits',
      ['20240101123045000000001', '20240101123045000000010', '9'],
      ['20240101123045000000010', '20240101123045000000001', '9'],
    ],
    [
      'leading zeros are ignored',
      ['2021.12.1', '2022.04.0', '2022.04.1', '2022.04.2', '5.8.4'],
      ['2022.04.2', '2022.04.1', '2022.04.0', '2021.12.1', '5.8.4'],
    ],
    [
      'a release number after the version counts after the version',
      ['8.10-896', '8.10-1020', '8.10-1088', '8.9-1161', '8.10'],
      ['8.10-1088', '8.10-1020', '8.10-896', '8.10', '8.9-1161'],
    ],
    [
      'a timestamped rebuild is newer than its release',
      ['8.10-1088', '8.10-1088.1696512345', '8.10-1088.1696512344'],
      ['8.10-1088.1696512345', '8.10-1088.1696512344', '8.10-1088'],
    ],
    [
      'a dated suffix is not a patch number',
      ['4.8-20250909', '4.8.1', '4.8'],
      ['4.8.1', '4.8-20250909', '4.8'],
    ],
    [
      'on equal numbers the more specific tag ranks first',
      ['3.19', '3.19.1', '4.20', '4.20.0', '4.20.0.0'],
      ['4.20.0.0', '4.20.0', '4.20', '3.19.1', '3.19'],
    ],
    [
      'equal numbers in another spelling tie-break the same way every run',
      ['2022.4.2', '2022.04.2', '2022.004.2'],
      ['2022.4.2', '2022.04.2', '2022.004.2'],
    ],
    [
      'semver precedence of prereleases',
      [
        '1.0.0-beta.11',
        '1.0.0',
        '1.0.0-alpha.beta',
        '1.0.0-rc.1',
        '1.0.0-alpha',
        '1.0.0-beta',
        '1.0.0-alpha.1',
        '1.0.0-beta.2',
      ],
      [
        '1.0.0',
        '1.0.0-rc.1',
        '1.0.0-beta.11',
        '1.0.0-beta.2',
        '1.0.0-beta',
        '1.0.0-alpha.beta',
        '1.0.0-alpha.1',
        '1.0.0-alpha',
      ],
    ],
    [
      'numbers inside prerelease words compare as numbers',
      ['1.0.0-rc2', '1.0.0-rc10', '1.0.0-rc1'],
      ['1.0.0-rc10', '1.0.0-rc2', '1.0.0-rc1'],
    ],
    [
      'a leading v is not part of the comparison',
      ['v1.10.0', '1.9.0', 'v1.2.0'],
      ['v1.10.0', '1.9.0', 'v1.2.0'],
    ],
    [
      'variant suffixes rank by their version',
      ['17.9-alpine', '17.10-alpine', '17.11-alpine', '16.4-alpine'],
      ['17.11-alpine', '17.10-alpine', '17.9-alpine', '16.4-alpine'],
    ],
    [
      'versions inside a variant word compare as numbers',
      ['3.19-alpine3.9', '3.19-alpine3.18', '3.18-alpine3.20'],
      ['3.19-alpine3.18', '3.19-alpine3.9', '3.18-alpine3.20'],
    ],
    [
      'tags without digits come last, alphabetically reversed',
      ['edge', '1.0', 'latest'],
      ['1.0', 'latest', 'edge'],
    ],
  ])('%s', (_rule, input, expected) => {
    for (const tags of permutations(input)) {
      expect(rankTags(tags)).toEqual(expected);
    }
  });

  it('orders semver releases and prereleases exactly as semver does', () => {
    const tags: string[] = [];
    for (const major of [0, 1, 2, 10]) {
      for (const minor of [0, 1, 9, 10, 11]) {
        for (const patch of [0, 1, 2, 19, 100]) {
          const version = `${major}.${minor}.${patch}`;
          tags.push(version, `${version}-rc.1`, `${version}-alpha`);
          tags.push(`${version}-beta.2`, `${version}-beta.10`);
        }
      }
    }
    expect(rankTags(tags)).toEqual(rsort([...tags]));
  });

  it('agrees with compareTags on a large mixed list', () => {
    const tags: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const a = (i * 7919) % 31;
      const b = (i * 104729) % 13;
      const c = i % 5;
      tags.push(
        `${a}.${b}.${c}`,
        `${a}.${b}-${i}`,
        `${a}.${b}-${i % 7}.${1696512345 + i}`,
        `${a}.${b}.${c}-rc.${i % 4}`,
        `${a}.0${b}.${c}.0`,
        `${2000 + a}${String(b).padStart(2, '0')}01`,
        `${a}.${b}-${'9'.repeat(20 + (i % 3))}${i}`,
        `v${a}.${b}-alpine${c}.${i % 9}`,
      );
    }
    tags.push('latest', 'edge', '0', '0.0.0', '00');
    const expected = [...new Set(tags)].sort(compareTags);
    expect(rankTags(new Set(tags))).toEqual(expected);
    expect(rankTags([...new Set(tags)].reverse())).toEqual(expected);
  });
});

describe('compareTags', () => {
  it.each([
    ['1.3.0', '1.2.3', -1],
    ['1.2.3', '1.3.0', 1],
    ['1.2.3', '1.2.3', 0],
    ['4.20.0', '4.20', -1],
    ['1.0.0', '1.0.0-rc.1', -1],
    ['8.10-1088', '8.10', -1],
    ['latest', '0.0.1', 1],
  ])('%s vs %s → %d', (a, b, sign) => {
    expect(Math.sign(compareTags(a, b))).toBe(sign);
  });

  // rankTags and compareTags take any text, not only OCI tags: numbers of
  // more digits than one character can count still compare as numbers.
  it('compares numbers of 65,000 digits and more as numbers', () => {
    const longest = `1${'0'.repeat(70_000)}`;
    const longer = `9${'0'.repeat(65_500)}`;
    const long = `9${'0'.repeat(65_000)}`;
    expect(Math.sign(compareTags(longest, longer))).toBe(-1);
    expect(Math.sign(compareTags(longer, long))).toBe(-1);
    expect(rankTags(['2', long, longest, longer])).toEqual([
      longest,
      longer,
      long,
      '2',
    ]);
    // 65,473 version numbers: the more specific tag ranks first.
    const specific = `1${'.0'.repeat(65_472)}`;
    expect(rankTags(['1.0', specific])).toEqual([specific, '1.0']);
  });
});

describe('newestTags', () => {
  it('keeps the first entries of the full ranking for any limit', () => {
    const tags = Array.from(
      { length: 500 },
      (_, i) => `${i % 7}.${i % 11}-${i}`,
    );
    const ranked = rankTags(tags);
    for (const limit of [0, 1, 3, 50, 499, 500, 600]) {
      expect(newestTags(tags, limit)).toEqual(ranked.slice(0, limit));
    }
  });

  it('ranks lists longer than 2^17 tags the same as their rank keys', () => {
    const tags = Array.from(
      { length: 2 ** 17 + 5000 },
      (_, i) => `${i % 13}.${i % 101}-${i}`,
    );
    const expected = tags.map(rankKeyOf).sort().reverse().map(tagOfRankKey);
    expect(newestTags(tags)).toEqual(expected);
  });

  it('handles an empty list and a single tag', () => {
    expect(newestTags([])).toEqual([]);
    expect(newestTags(['1.0'])).toEqual(['1.0']);
  });
});
