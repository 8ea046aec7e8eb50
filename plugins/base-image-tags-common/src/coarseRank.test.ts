import { COARSE_RANK_BITS, coarseRankOf } from './coarseRank';
import { rankKeyOf } from './tagVersion';

// Tags chosen to stress every field: zeros, huge numbers, many parts,
// words, releases, and no version at all.
const tags = [
  'latest',
  'edge',
  '0',
  '0.0',
  '0.0.0.0.1',
  '1',
  '1.0',
  '1.0.0',
  '1.0.0.0',
  '1.0.0.1',
  '1.0.0.0.1',
  '1.2',
  '1.2.0-5',
  '1.2-5.0',
  '1.2-5',
  '1.2-5.0.0',
  '1.2-5.0.1',
  '1.2-0',
  '1.2-0.5',
  '1.2-05',
  '1.2-00',
  '1.2-0.0.5',
  '1.2-0-alpha',
  '1.2-a',
  '1.2-0.a',
  '16383.1',
  '16384.1',
  '32767.1',
  '1.2-rc',
  '1.2-rc.0',
  '1.2-rc.1',
  '1.2-rc1',
  '1.2-RC1',
  '1.2-rcz',
  '1.2-zzzzzzzzzzzzzzzz',
  '1.2-1-alpha',
  '1.2-1.0-alpha',
  '2047.1',
  '2048.1',
  '1073741823.5',
  '1073741824.4',
  '1073741825.3',
  '99999999999999999999.1',
  '1.1073741824',
  '1.2-1073741824',
  '1.2-1073741825',
  '8.10-1088',
  '8.10-1088.1696512345',
  '8.10-1088-source',
  'v8.10-1088',
  'ubi8-8.10',
  'alpine3.19',
  '3.19-alpine3.18',
  '3.19-alpine3.9',
  '20240101',
  '2024.01.01',
];

describe('coarseRankOf', () => {
  it('stays within its bits', () => {
    for (const tag of tags) {
      const rank = coarseRankOf(tag);
      expect(Number.isInteger(rank)).toBe(true);
      expect(rank).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThan(2 ** COARSE_RANK_BITS);
    }
  });

  it('never orders two tags against their rank keys', () => {
    const against: string[][] = [];
    for (const a of tags) {
      for (const b of tags) {
        if (coarseRankOf(a) < coarseRankOf(b) && rankKeyOf(a) > rankKeyOf(b)) {
          against.push([a, b]);
        }
      }
    }
    expect(against).toEqual([]);
  });

  it('never decreases along rank key order, on random tags', () => {
    // A small alphabet makes near-collisions likely.
    const alphabet = ['0', '1', '2', '9', '.', '.', '-', '_', 'a', 'rc', 'v'];
    let seed = 42;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const randomTags = new Set<string>();
    while (randomTags.size < 20000) {
      let tag = '';
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) {
        tag += alphabet[Math.floor(random() * alphabet.length)];
      }
      if (random() < 0.1) tag += '1'.repeat(Math.floor(random() * 20));
      randomTags.add(tag);
    }
    const byKey = [...randomTags]
      .map(tag => ({ tag, key: rankKeyOf(tag), rank: coarseRankOf(tag) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const against = byKey
      .filter((entry, i) => i > 0 && entry.rank < byKey[i - 1].rank)
      .map(entry => entry.tag);
    expect(against).toEqual([]);
  });

  it('tells common tags apart', () => {
    const ranks = ['8.10-1088', '8.10-1089', '3.19.1', '3.19.2', '1.0-rc.1'];
    expect(new Set(ranks.map(coarseRankOf)).size).toBe(ranks.length);
  });
});
