import { parseTagVersion, rankKeyOf, tagOfRankKey } from './tagVersion';

describe('parseTagVersion', () => {
  it.each([
    ['8.10-1088', ['8', '10'], [], '8.10.0'],
    ['8.10-1088.1696512345', ['8', '10'], [], '8.10.0'],
    ['2022.04.2', ['2022', '4', '2'], [], '2022.4.2'],
    ['v1.2.3', ['1', '2', '3'], [], '1.2.3'],
    ['V1.2', ['1', '2'], [], '1.2.0'],
    ['1.2.3.4', ['1', '2', '3', '4'], [], '1.2.3'],
    ['3.19-alpine', ['3', '19'], ['alpine'], '3.19.0'],
    ['1.0.2-f3ba42e', ['1', '0', '2'], ['f', 'ba', 'e'], '1.0.2'],
    ['1.0.0-rc1', ['1', '0', '0'], ['rc'], '1.0.0'],
    ['8.10-1088-source', ['8', '10'], ['source'], '8.10.0'],
    ['ubi8-8.10', ['8', '10'], ['ubi'], '8.10.0'],
    ['jdk-17.0.2_8', ['17', '0', '2'], ['jdk'], '17.0.2'],
    ['alpine3.19', ['3', '19'], ['alpine'], '3.19.0'],
    ['bookworm-20240101', ['20240101'], ['bookworm'], '20240101.0.0'],
    ['release-v2.1', ['2', '1'], ['release', 'v'], '2.1.0'],
    ['vv1', ['1'], ['vv'], '1.0.0'],
    ['007', ['7'], [], '7.0.0'],
    ['1234567890123456.1', ['1234567890123456', '1'], [], undefined],
    ['latest', [], ['latest'], undefined],
  ])('%s', (tag, numbers, words, semver) => {
    const version = parseTagVersion(tag);
    expect(version.numbers).toEqual(numbers);
    expect(version.words).toEqual(words);
    expect(version.semver).toBe(semver);
    expect(version.rankKey).toBe(rankKeyOf(tag));
  });
});

describe('rankKeyOf', () => {
  it('gives every tag its own key, from which the tag is read back', () => {
    const tags = ['2022.04.2', '2022.4.2', 'latest', '1.0.0-RC1', '1.0.0-rc1'];
    const keys = tags.map(rankKeyOf);
    expect(new Set(keys).size).toBe(tags.length);
    expect(keys.map(tagOfRankKey)).toEqual(tags);
  });
});
