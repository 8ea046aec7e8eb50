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
    ['+([0-9]).+([0-9])'],
    ['*-@(alpine|slim)*'],
    ['?(v)1.*'],
    ['!(3.*)'],
    ['[!a-z]*'],
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

  // Each of these makes minimatch's regex backtrack exponentially (or close
  // to it) on a 128-character tag that almost matches.
  const tooCostly =
    'its alternatives and wildcards together are too costly to match on ' +
    'long tags; use fewer braces, groups or wildcards, as in ' +
    '"*-{alpine,slim}"';
  it.each([
    [
      '+(a|aa)',
      '"+(...)" repeats a fixed run of characters and classes; it cannot ' +
        'hold "|" or "*", as in "+([0-9])"',
    ],
    [
      '*(a*)b',
      '"*(...)" repeats a fixed run of characters and classes; it cannot ' +
        'hold "|" or "*", as in "+([0-9])"',
    ],
    ['+(+(a))', 'groups such as "+(...)" cannot hold other groups'],
    ['@(a|?(b))', 'groups such as "@(...)" cannot hold other groups'],
    ['?(a)'.repeat(16), tooCostly],
    ['@(a|a)'.repeat(16), tooCostly],
    ['@(a|b)@(a|b)*-*', tooCostly],
    [
      `{${Array.from({ length: 40 }, (_, i) => 'a'.repeat(i + 1)).join(
        ',',
      )}}*a*b`,
      tooCostly,
    ],
  ])('refuses the costly glob %j', (glob, message) => {
    expect(() => checkTagGlob(glob)).toThrow(message);
  });

  // Glob syntax out of place matches only itself, and no tag holds it.
  it.each([
    [
      '.*',
      'tags start with a letter, digit or "_", so a glob starting with "." ' +
        'matches nothing; a glob is not a regular expression: "*" alone ' +
        'matches any characters, as in "3.*"',
    ],
    ['-1*', 'so a glob starting with "-" matches nothing'],
    [
      '3.19+',
      '"+" cannot appear in a tag; as glob syntax it must start a group, as ' +
        'in "@(alpine|slim)" or "+([0-9])"',
    ],
    ['3.*@sha256', '"@" cannot appear in a tag; as glob syntax it must'],
    [
      '3|4',
      '"|" separates alternatives only inside a group such as ' +
        '"@(alpine|slim)"',
    ],
    ['(3)', '"(" opens a group only after "@", "?", "*", "+" or "!"'],
    ['3)', '")" closes a group that was not opened'],
    ['^3', '"^" cannot appear in a tag; it only negates a class'],
    ['3]', '"]" closes a character class that was not opened'],
    ['[0-9', '"[" opens a character class that is not closed'],
    ['*[]', 'an empty character class "[]" matches nothing'],
    ['[a|b]*', '"|" cannot appear in a character class of tag characters'],
    ['@(a|b', '"@(" is not closed with ")"'],
    ['{a}', 'braces need a closing "}" and two or more alternatives'],
    ['{a,b', 'braces need a closing "}" and two or more alternatives'],
  ])('refuses %j, which no tag can match', (glob, message) => {
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
    ['+([0-9]).+([0-9])', '3.19', true],
    ['+([0-9]).+([0-9])', '3.19.1', false],
    ['?(v)1.*', 'v1.2', true],
    ['?(v)1.*', '1.2', true],
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
