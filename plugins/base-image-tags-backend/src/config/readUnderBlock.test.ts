import { ConfigProblems } from '@base-image-tags/plugin-base-image-tags-node';
import { keyOfBlockMessage, readUnderBlock } from './readUnderBlock';

describe('keyOfBlockMessage', () => {
  it.each([
    [
      'registries[0].host must be a host name such as quay.io, without a scheme; got "https://x.io"',
      'baseImageTags.registries[0].host',
      'must be a host name such as quay.io, without a scheme; got "https://x.io"',
    ],
    [
      'registries[1]: certFile and keyFile must be set together',
      'baseImageTags.registries[1]',
      'certFile and keyFile must be set together',
    ],
    [
      'limits.maxRetries must be a whole number of at least 0, got -1',
      'baseImageTags.limits.maxRetries',
      'must be a whole number of at least 0, got -1',
    ],
    [
      "Invalid type in config for key 'dockerConfigFiles', got number",
      'baseImageTags',
      "Invalid type in config for key 'dockerConfigFiles', got number",
    ],
    [
      'ENOENT: no such file or directory',
      'baseImageTags',
      'ENOENT: no such file or directory',
    ],
  ])('keys "%s" as %s', (text, key, message) => {
    expect(keyOfBlockMessage('baseImageTags', text)).toEqual({ key, message });
  });
});

describe('readUnderBlock', () => {
  it('records a failed read under its full key and returns the fallback', () => {
    const problems = new ConfigProblems('test configuration');
    const value = readUnderBlock(
      problems,
      'baseImageTags',
      () => {
        throw new Error('registries[0].host "a b" is not a registry host');
      },
      'fallback',
    );
    expect(value).toBe('fallback');
    expect(problems.list()).toEqual([
      'baseImageTags.registries[0].host: "a b" is not a registry host',
    ]);
  });
});
