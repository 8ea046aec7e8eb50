import { isArtifactTag, isTagName } from './tagName';

const hex64 = '0123456789abcdef'.repeat(4);

describe('isTagName', () => {
  it.each([
    ['1.2.3', true],
    ['latest', true],
    ['_private', true],
    ['8.10-1088.1696512345', true],
    ['A'.repeat(128), true],
    ['A'.repeat(129), false],
    ['.hidden', false],
    ['-dash', false],
    ['', false],
    [`sha256:${hex64}`, false],
    ['a/b', false],
    ['a b', false],
  ])('%s → %s', (name, expected) => {
    expect(isTagName(name)).toBe(expected);
  });
});

describe('isArtifactTag', () => {
  it.each([
    [`sha256-${hex64}.sig`, true],
    [`sha256-${hex64}.att`, true],
    [`sha256-${hex64}.sbom`, true],
    [`sha256-${hex64}`, true],
    [`sha512-${hex64}${hex64}.sig`, true],
    [`sha256-${hex64}.txt`, false],
    [`sha256-${hex64.slice(1)}.sig`, false],
    ['1.2.3', false],
    ['sig', false],
  ])('%s → %s', (tag, expected) => {
    expect(isArtifactTag(tag)).toBe(expected);
  });
});
