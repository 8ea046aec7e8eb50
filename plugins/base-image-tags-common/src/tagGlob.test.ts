import { checkTagGlob, compileTagGlob, isPlainTagPrefix } from './tagGlob';

describe('isPlainTagPrefix', () => {
  it.each([
    ['8.10-', true],
    ['3.19.1', true],
    ['latest', true],
    ['3.*', false],
    ['3.1?', false],
    ['*-{alpine,slim}', false],
    ['@(a|b)', false],
  ])('%s → %s', (text, expected) => {
    expect(isPlainTagPrefix(text)).toBe(expected);
  });
});

describe('checkTagGlob', () => {
  it.each([
    ['3.*'],
    ['*-rc*'],
    ['*-{alpine,slim}'],
    ['[0-9].*'],
    ['*-@(alpine|slim)'],
    ['1.?'],
    ['**'],
  ])('accepts %s', glob => {
    expect(() => checkTagGlob(glob)).not.toThrow();
  });

  it.each([
    ['', 'it is empty'],
    [
      '3/*',
      '"/" cannot appear in a tag; tags use letters, digits, "_", "." and ' +
        '"-", and globs add * ? [ ] { } ( ) ! + @ |',
    ],
    [
      '3.* ',
      '" " cannot appear in a tag; tags use letters, digits, "_", "." and ' +
        '"-", and globs add * ? [ ] { } ( ) ! + @ |',
    ],
    [
      '3.19,3.20',
      '"," separates patterns; inside one glob it belongs in braces, as in ' +
        '"*-{alpine,slim}"',
    ],
    [
      '*a*b*',
      'it has 3 wildcards; at most 2 are allowed (runs of "*", "+(...)", ' +
        '"!(...)"), as in "*-rc*"',
    ],
    [
      '*+(a)*',
      'it has 3 wildcards; at most 2 are allowed (runs of "*", "+(...)", ' +
        '"!(...)"), as in "*-rc*"',
    ],
    ['{1..100}', 'its braces expand to more than 64 alternatives'],
    [
      '!3.19.0',
      'a leading "!" does not negate here; put exclusions after the image, ' +
        'as in "alpine:3.* !3.19.0"',
    ],
    [
      '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}',
      'its braces expand to more than 64 alternatives',
    ],
  ])('refuses %j', (glob, message) => {
    expect(() => checkTagGlob(glob)).toThrow(message);
  });
});

describe('compileTagGlob', () => {
  it.each([
    ['3.*', '3.19.1', true],
    ['3.*', '13.1', false],
    ['8.10-*', '8.10-1088', true],
    ['8.10-*', '8.10', false],
    ['*-alpine', '3.19-alpine', true],
    ['*-alpine', '3.19-alpine3.18', false],
    ['*-{alpine,slim}', '3.19-slim', true],
    ['*-@(alpine|slim)', '3.19-slim', true],
    ['[0-9].*', '3.19', true],
    ['[0-9].*', 'v3.19', false],
    ['!(3.*)', '4.0', true],
    ['!(3.*)', '3.1', false],
  ])('%s matches %s: %s', (glob, tag, expected) => {
    expect(compileTagGlob(glob).matches(tag)).toBe(expected);
  });

  it('lists the words the glob spells out, lower-cased', () => {
    expect([...compileTagGlob('*-{Alpine,slim}-rc*').words].sort()).toEqual([
      'alpine',
      'rc',
      'slim',
    ]);
    expect([...compileTagGlob('8.10-*').words]).toEqual([]);
  });
});
