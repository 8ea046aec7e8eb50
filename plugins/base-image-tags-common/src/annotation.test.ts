import { Entity } from '@backstage/catalog-model';
import {
  BASE_IMAGE_TAGS_ANNOTATION,
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
});
