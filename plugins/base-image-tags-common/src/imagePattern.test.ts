import { InputError } from '@backstage/errors';
import {
  imageReference,
  MAX_PATTERN_LENGTH,
  parseImagePattern,
} from './imagePattern';

const VALID_FORM =
  'Write it as [registry[:port]/]repository:tag-glob, e.g. "alpine:3.19.*" ' +
  'or "registry.access.redhat.com/ubi8/ubi:8.10-*"';

describe('parseImagePattern', () => {
  it.each([
    [
      'alpine:3.19.*',
      {
        registry: 'docker.io',
        repository: 'library/alpine',
        tagGlob: '3.19.*',
        exclude: [],
        key: 'docker.io/library/alpine:3.19.*',
      },
    ],
    [
      '  registry.access.redhat.com/ubi8/ubi:8.10-  ',
      {
        registry: 'registry.access.redhat.com',
        repository: 'ubi8/ubi',
        tagGlob: '8.10-*',
        exclude: [],
        key: 'registry.access.redhat.com/ubi8/ubi:8.10-*',
      },
    ],
    [
      'index.docker.io/bitnami/redis:7.2',
      {
        registry: 'docker.io',
        repository: 'bitnami/redis',
        tagGlob: '7.2*',
        exclude: [],
        key: 'docker.io/bitnami/redis:7.2*',
      },
    ],
    [
      'LocalHost:5000/team/app:*',
      {
        registry: 'localhost:5000',
        repository: 'team/app',
        tagGlob: '*',
        exclude: [],
        key: 'localhost:5000/team/app:*',
      },
    ],
    [
      'alpine:3.* !*-rc* !3.19.0 !*-rc* range=">=3.19   <4"',
      {
        registry: 'docker.io',
        repository: 'library/alpine',
        tagGlob: '3.*',
        exclude: ['*-rc*', '3.19.0'],
        range: '>=3.19 <4',
        key: 'docker.io/library/alpine:3.* !*-rc* !3.19.0 range=">=3.19 <4"',
      },
    ],
    [
      '[0:0::1]:5000/team/app:1.*',
      {
        registry: '[::1]:5000',
        repository: 'team/app',
        tagGlob: '1.*',
        exclude: [],
        key: '[::1]:5000/team/app:1.*',
      },
    ],
    [
      'node:*-{alpine,slim}',
      {
        registry: 'docker.io',
        repository: 'library/node',
        tagGlob: '*-{alpine,slim}',
        exclude: [],
        key: 'docker.io/library/node:*-{alpine,slim}',
      },
    ],
  ])('%s', (text, expected) => {
    const pattern = parseImagePattern(text);
    expect(pattern).toEqual({
      raw: text.trim(),
      ...expected,
      repositoryRef: `${expected.registry}/${expected.repository}`,
    });
    // The key is stable: parsing it gives the same key.
    expect(parseImagePattern(pattern.key).key).toBe(pattern.key);
  });

  it('adds exclusions and a range from options', () => {
    const pattern = parseImagePattern('ubi8/ubi:8.10- !*-source', {
      exclude: ['8.10-1020', '!8.10-896', '!(8.10-1*)'],
      range: ' >=8.10  <9 ',
    });
    expect(pattern.exclude).toEqual([
      '!(8.10-1*)',
      '*-source',
      '8.10-1020',
      '8.10-896',
    ]);
    expect(pattern.range).toBe('>=8.10 <9');
    expect(pattern.key).toBe(
      'docker.io/ubi8/ubi:8.10-* !!(8.10-1*) !*-source !8.10-1020 ' +
        '!8.10-896 range=">=8.10 <9"',
    );
    expect(parseImagePattern(pattern.key)).toMatchObject({
      exclude: pattern.exclude,
      range: pattern.range,
      key: pattern.key,
    });
  });

  it('accepts the same range twice and ignores an empty one', () => {
    expect(
      parseImagePattern('alpine:3.* range="^3.19"', { range: '^3.19' }).range,
    ).toBe('^3.19');
    expect(parseImagePattern('alpine:3.*', { range: ' ' })).not.toHaveProperty(
      'range',
    );
  });

  it.each([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    [
      'alpine',
      'the tag glob after ":" is missing; add one, e.g. ":3.19.*" or ":*"',
    ],
    [
      'alpine:',
      'the tag glob after ":" is missing; add one, e.g. ":3.19.*" or ":*"',
    ],
    [
      'localhost:5000/app',
      'the tag glob after ":" is missing; add one, e.g. ":3.19.*" or ":*"',
    ],
    [
      'alpine@sha256:0123abcd',
      'a digest names one image, not a set of tags; replace "@sha256:…" by ' +
        '":" and a tag glob',
    ],
    [
      'alpine:3.19@sha256:0123abcd',
      'a digest names one image, not a set of tags; replace "@sha256:…" by ' +
        '":" and a tag glob',
    ],
    ['Alpine:3.*', 'repository names are lower case; write "alpine"'],
    [
      'quay.io/team/-app:1.*',
      '"team/-app" is not a repository name; each "/"-separated part is ' +
        'lower-case letters and digits, joined by ".", "_", "__" or "-", ' +
        'e.g. "ubi8/ubi"',
    ],
    [':3.*', 'the repository name is missing'],
    [
      'alpine:3.%',
      'tag glob "3.%": "%" cannot appear in a tag; tags use letters, ' +
        'digits, "_", "." and "-", and globs add * ? [ ] { } ( ) ! + @ |',
    ],
    [
      'alpine:*a*b*',
      'tag glob "*a*b*": it has 3 wildcards; at most 2 are allowed (runs ' +
        'of "*", "+(...)", "!(...)"), as in "*-rc*"',
    ],
    ['alpine:3.* !', 'exclusion "": it is empty'],
    [
      'alpine:3.* !3/4',
      'exclusion "3/4": "/" cannot appear in a tag; tags use letters, ' +
        'digits, "_", "." and "-", and globs add * ? [ ] { } ( ) ! + @ |',
    ],
    [
      'alpine:3.* range=">=three"',
      'range ">=three" is not a semver range; write e.g. range=">=8.10 <9" ' +
        'or range="^3.19"',
    ],
    [
      'alpine:3.* latest',
      '"latest" is not understood after the image; write exclusions as ' +
        '"!glob" and the range as range=">=1.2 <2"',
    ],
    ['alpine:3.* range="^3', 'a " quote is not closed'],
    [
      'registry.example.com:99999/team/app:1.*',
      '"registry.example.com:99999" is not a registry host (port 99999 is ' +
        'not between 1 and 65535); write a host name with an optional ' +
        'port, e.g. "registry.example.com:5000"',
    ],
    [
      'localhost:0/team/app:1.*',
      '"localhost:0" is not a registry host (port 0 is not between 1 and ' +
        '65535); write a host name with an optional port, e.g. ' +
        '"registry.example.com:5000"',
    ],
    [
      '[:::::]:5000/team/app:1.*',
      '"[:::::]:5000" is not a registry host ([:::::] is not an IPv6 ' +
        'address); write a host name with an optional port, e.g. ' +
        '"registry.example.com:5000"',
    ],
    [
      'alpine:.*',
      'tag glob ".*": tags start with a letter, digit or "_", so a glob ' +
        'starting with "." matches nothing; a glob is not a regular ' +
        'expression: "*" alone matches any characters, as in "3.*"',
    ],
  ])('refuses %j', (text, problem) => {
    const expected = `Invalid base image pattern "${text.trim()}": ${problem}. ${VALID_FORM}`;
    expect(() => parseImagePattern(text)).toThrow(InputError);
    expect(() => parseImagePattern(text)).toThrow(expected);
  });

  // Control characters could rewrite a log line or a terminal; invisible
  // and look-alike characters would leave the reader guessing.
  it.each([
    [
      'alpine:3.*\u001b[2J',
      'alpine:3.*\\u{1b}[2J',
      'tag glob "3.*\\u{1b}[2J": "\\u{1b}" cannot appear in a tag',
    ],
    [
      'alpine:3.19\u200b',
      'alpine:3.19\\u{200b}',
      'tag glob "3.19\\u{200b}": "\\u{200b}" cannot appear in a tag',
    ],
    [
      'alpine:3.*\u202e!',
      'alpine:3.*\\u{202e}!',
      '"\\u{202e}" cannot appear in a tag',
    ],
    [
      'reg\u0456stry.example.com/app:1.*',
      'reg\\u{456}stry.example.com/app:1.*',
      '"reg\\u{456}stry.example.com" is not a registry host',
    ],
    ['alpine\u0000:3.*', 'alpine\\u{0}:3.*', 'is not a repository name'],
  ])('shows hidden characters of %j as escapes', (text, shown, problem) => {
    const message = (() => {
      try {
        parseImagePattern(text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    })();
    expect(message).toContain(`Invalid base image pattern "${shown}": `);
    expect(message).toContain(problem);
    expect(message).toMatch(/^[\x20-\x7e…]*$/);
  });

  it('refuses two different ranges', () => {
    expect(() =>
      parseImagePattern('alpine:3.* range="^3.19"', { range: '^3.20' }),
    ).toThrow(
      'Invalid base image pattern "alpine:3.* range="^3.19"": it has two ' +
        `ranges, "^3.19" and "^3.20"; keep one. ${VALID_FORM}`,
    );
  });

  it('refuses a bad exclusion given in options', () => {
    expect(() =>
      parseImagePattern('alpine:3.*', { exclude: ['3.19 3.20'] }),
    ).toThrow(
      'Invalid base image pattern "alpine:3.*": exclusion "3.19 3.20": " " ' +
        'cannot appear in a tag; tags use letters, digits, "_", "." and ' +
        `"-", and globs add * ? [ ] { } ( ) ! + @ |. ${VALID_FORM}`,
    );
  });

  it('refuses credentials in a pattern without echoing them', () => {
    const text = 'reader:s3cret@registry.example.com/team/app:1.*';
    let message = '';
    try {
      parseImagePattern(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Invalid base image pattern "…@registry.example.com/team/app:1.*": ' +
        'credentials do not belong in a pattern; configure them under ' +
        `baseImageTags.registries or in a docker config file. ${VALID_FORM}`,
    );
    expect(message).not.toContain('s3cret');
    expect(message).not.toContain('reader');
  });

  it('refuses over-long patterns, echoing only their start', () => {
    const text = `alpine:${'1'.repeat(MAX_PATTERN_LENGTH)}`;
    expect(() => parseImagePattern(text)).toThrow(
      `Invalid base image pattern "${text.slice(0, 120)}…": it is ` +
        `${text.length} characters long; the limit is 1024. ${VALID_FORM}`,
    );
  });

  it('refuses patterns whose normalised key is over-long', () => {
    const exclude = Array.from({ length: 150 }, (_, i) => `${i}.*-rc*`);
    expect(() => parseImagePattern('alpine:*', { exclude })).toThrow(
      /: normalised with its exclusions and range it is \d+ characters long; the limit is 1024\./,
    );
  });
});

describe('imageReference', () => {
  it.each([
    ['alpine:3.*', '3.19.1', 'docker.io/library/alpine:3.19.1'],
    [
      'registry.access.redhat.com/ubi8/ubi:8.10-',
      '8.10-1088',
      'registry.access.redhat.com/ubi8/ubi:8.10-1088',
    ],
    ['localhost:5000/app:*', '1.0', 'localhost:5000/app:1.0'],
  ])('%s with %s → %s', (text, tag, expected) => {
    expect(imageReference(parseImagePattern(text), tag)).toBe(expected);
  });
});
