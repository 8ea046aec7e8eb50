import { Entity } from '@backstage/catalog-model';
import {
  BASE_IMAGE_TAGS_ANNOTATION,
  DEFAULT_MAX_PATTERNS_PER_ENTITY,
  isBaseImageTagsAvailable,
  parsePatternAnnotation,
} from './annotation';

function entity(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'app', ...(annotations ? { annotations } : {}) },
  };
}

describe('isBaseImageTagsAvailable', () => {
  it.each([
    [undefined, false],
    [{}, false],
    [{ [BASE_IMAGE_TAGS_ANNOTATION]: '' }, false],
    [{ [BASE_IMAGE_TAGS_ANNOTATION]: ' \n ' }, false],
    [{ [BASE_IMAGE_TAGS_ANNOTATION]: 'alpine:3.*' }, true],
  ])('%j → %s', (annotations, expected) => {
    expect(isBaseImageTagsAvailable(entity(annotations))).toBe(expected);
  });

  it('uses the documented annotation name', () => {
    expect(BASE_IMAGE_TAGS_ANNOTATION).toBe('base-image-tags/patterns');
  });
});

describe('parsePatternAnnotation', () => {
  it('returns valid patterns in order and an error per bad pattern', () => {
    const value = [
      'registry.access.redhat.com/ubi8/ubi:8.10- !*-source',
      'alpine:3.19.*, node:20.*-alpine',
      '# comment',
      'alpine@sha256:0123abcd, redis:7.*',
      'docker.io/library/alpine:3.19.*',
      'Alpine:3',
    ].join('\n');
    const { patterns, errors } = parsePatternAnnotation(value);
    expect(patterns.map(pattern => pattern.key)).toEqual([
      'registry.access.redhat.com/ubi8/ubi:8.10-* !*-source',
      'docker.io/library/alpine:3.19.*',
      'docker.io/library/node:20.*-alpine',
      'docker.io/library/redis:7.*',
    ]);
    expect(errors).toEqual([
      {
        line: 4,
        text: 'alpine@sha256:0123abcd',
        message: expect.stringContaining(
          'Invalid base image pattern "alpine@sha256:0123abcd": a digest',
        ),
      },
      {
        line: 6,
        text: 'Alpine:3',
        message: expect.stringContaining(
          'Invalid base image pattern "Alpine:3": repository names are lower case',
        ),
      },
    ]);
  });

  it('keeps commas inside braces and quotes within one pattern', () => {
    const braces = parsePatternAnnotation('node:*-{alpine,slim} range="^20"');
    expect(braces.errors).toEqual([]);
    expect(braces.patterns.map(pattern => pattern.key)).toEqual([
      'docker.io/library/node:*-{alpine,slim} range="^20"',
    ]);
    // Semver has no commas, so the quoted range is reported whole.
    const quoted = parsePatternAnnotation('node:20.* range=">=18, <23"');
    expect(quoted.patterns).toEqual([]);
    expect(quoted.errors).toEqual([
      {
        line: 1,
        text: 'node:20.* range=">=18, <23"',
        message: expect.stringContaining(
          'range ">=18, <23" is not a semver range',
        ),
      },
    ]);
  });

  it('returns nothing for an empty value', () => {
    expect(parsePatternAnnotation('')).toEqual({ patterns: [], errors: [] });
  });

  describe('cap on patterns', () => {
    // One distinct pattern per line: alpine:3.1, alpine:3.2, ...
    const lines = (count: number) =>
      Array.from({ length: count }, (_, i) => `alpine:3.${i + 1}`);
    const keysOf = (value: string, maxPatterns?: number) =>
      parsePatternAnnotation(value, { maxPatterns }).patterns.map(
        pattern => pattern.key,
      );

    it('keeps exactly N patterns without an error', () => {
      const { patterns, errors } = parsePatternAnnotation(lines(3).join('\n'), {
        maxPatterns: 3,
      });
      expect(patterns).toHaveLength(3);
      expect(errors).toEqual([]);
    });

    it('drops the pattern after N with one error naming its line and the fixes', () => {
      const { patterns, errors } = parsePatternAnnotation(lines(4).join('\n'), {
        maxPatterns: 3,
      });
      expect(patterns.map(pattern => pattern.key)).toEqual([
        'docker.io/library/alpine:3.1*',
        'docker.io/library/alpine:3.2*',
        'docker.io/library/alpine:3.3*',
      ]);
      expect(errors).toEqual([
        {
          line: 4,
          text: 'alpine:3.4',
          message:
            'Too many base image patterns: at most 3 per entity are polled, ' +
            'so 1 pattern from line 4 on is dropped; split the list across ' +
            'entities or raise baseImageTags.maxPatternsPerEntity in the ' +
            'backend configuration',
        },
      ]);
    });

    it('counts every dropped pattern once, in one error, and ignores repeats of kept ones', () => {
      const value = [
        '# base images',
        'alpine:3.1, alpine:3.2',
        'alpine:3.1',
        'alpine:3.3, alpine:3.4',
        'not a pattern',
        'alpine:3.4',
        'alpine:3.2',
        'alpine:3.5',
      ].join('\n');
      const { patterns, errors } = parsePatternAnnotation(value, {
        maxPatterns: 2,
      });
      expect(patterns.map(pattern => pattern.raw)).toEqual([
        'alpine:3.1',
        'alpine:3.2',
      ]);
      // Dropped: alpine:3.3, alpine:3.4, "not a pattern", alpine:3.5.
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 4, text: 'alpine:3.3' });
      expect(errors[0].message).toContain(
        'at most 2 per entity are polled, so 4 patterns from line 4 on are dropped',
      );
    });

    it('keeps the errors of bad patterns before the cap and caps them too', () => {
      const value = ['bad one', 'alpine:3.1', 'bad two', 'bad three'].join(
        '\n',
      );
      const { patterns, errors } = parsePatternAnnotation(value, {
        maxPatterns: 2,
      });
      expect(patterns.map(pattern => pattern.raw)).toEqual(['alpine:3.1']);
      expect(errors.map(({ line, text }) => ({ line, text }))).toEqual([
        { line: 1, text: 'bad one' },
        { line: 3, text: 'bad two' },
        { line: 4, text: 'bad three' },
      ]);
      expect(errors[1].message).toContain('Invalid base image pattern');
      expect(errors[2].message).toContain(
        'so 1 pattern from line 4 on is dropped',
      );
    });

    it('caps at 50 by default', () => {
      expect(DEFAULT_MAX_PATTERNS_PER_ENTITY).toBe(50);
      expect(keysOf(lines(50).join('\n'))).toHaveLength(50);
      const { patterns, errors } = parsePatternAnnotation(
        lines(10_000).join('\n'),
      );
      expect(patterns).toHaveLength(50);
      expect(patterns[49].raw).toBe('alpine:3.50');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 51, text: 'alpine:3.51' });
      expect(errors[0].message).toContain(
        'at most 50 per entity are polled, so 9950 patterns from line 51 on are dropped',
      );
    });

    it('takes no cap with Infinity', () => {
      expect(keysOf(lines(60).join('\n'), Infinity)).toHaveLength(60);
    });

    it.each([0, -1, 2.5, NaN])('refuses maxPatterns %s', maxPatterns => {
      expect(() =>
        parsePatternAnnotation('alpine:3.*', { maxPatterns }),
      ).toThrow('maxPatterns must be a whole number of at least 1');
    });
  });
});
