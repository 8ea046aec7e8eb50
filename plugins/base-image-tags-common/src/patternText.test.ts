import {
  formatPatternText,
  splitAnnotationItems,
  splitPatternText,
} from './patternText';

describe('splitPatternText', () => {
  it.each([
    ['alpine:3.*', { image: 'alpine:3.*', exclude: [] }],
    [
      'alpine:3.* !3.19.0 !*-rc*',
      { image: 'alpine:3.*', exclude: ['3.19.0', '*-rc*'] },
    ],
    [
      'alpine:3.* range=">=3.19 <4"',
      { image: 'alpine:3.*', exclude: [], range: '>=3.19 <4' },
    ],
    [
      "alpine:3.*\t range='^3.19'  !*-rc* ",
      { image: 'alpine:3.*', exclude: ['*-rc*'], range: '^3.19' },
    ],
    ['alpine:3.* range=^3', { image: 'alpine:3.*', exclude: [], range: '^3' }],
  ])('%s', (text, expected) => {
    expect(splitPatternText(text)).toEqual(expected);
  });

  it.each([
    ['', 'it is empty'],
    [
      '!3.19.0 alpine:3.*',
      'it must start with the image, e.g. "alpine:3.* !*-rc*"',
    ],
    [
      'range=^3 alpine:3.*',
      'it must start with the image, e.g. "alpine:3.* !*-rc*"',
    ],
    ['alpine:3.* range=">=3', 'a " quote is not closed'],
    ['alpine:3.* range=^3 range=^4', 'it has two ranges; keep one'],
    [
      'alpine:3.* exclude=3.19.0',
      '"exclude=3.19.0" is not understood after the image; write ' +
        'exclusions as "!glob" and the range as range=">=1.2 <2"',
    ],
  ])('refuses %j', (text, message) => {
    expect(() => splitPatternText(text)).toThrow(message);
  });

  it('reads back what formatPatternText writes', () => {
    const parts = {
      image: 'docker.io/library/alpine:3.*',
      exclude: ['*-rc*', '3.19.0'],
      range: '>=3.19 <4',
    };
    const text = formatPatternText(parts);
    expect(text).toBe(
      'docker.io/library/alpine:3.* !*-rc* !3.19.0 range=">=3.19 <4"',
    );
    expect(splitPatternText(text)).toEqual(parts);
  });
});

describe('splitAnnotationItems', () => {
  it('splits lines and commas, skipping blanks and comments', () => {
    const value = [
      '# base images of the build',
      'alpine:3.19.*',
      '',
      '  ubi8/ubi:8.10-, node:20.*-alpine  # the runtime',
      'alpine:*-{alpine,slim} range=">=3, <4",redis:7.*',
      'nginx:1.* #comment, not a pattern',
      ' , ',
    ].join('\r\n');
    expect(splitAnnotationItems(value)).toEqual([
      { line: 2, text: 'alpine:3.19.*' },
      { line: 4, text: 'ubi8/ubi:8.10-' },
      { line: 4, text: 'node:20.*-alpine' },
      { line: 5, text: 'alpine:*-{alpine,slim} range=">=3, <4"' },
      { line: 5, text: 'redis:7.*' },
      { line: 6, text: 'nginx:1.*' },
    ]);
  });
});
