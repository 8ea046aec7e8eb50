import { PatternResult } from '@base-image-tags/plugin-base-image-tags-common';
import { withDeclaredPatterns } from './withDeclaredPatterns';

const entityRef = 'component:default/payments';

const alpine: PatternResult = {
  pattern: 'alpine:3.19.*',
  status: 'ok',
  repository: 'docker.io/library/alpine',
  newestTag: '3.19.1',
  sources: [entityRef],
  tags: [{ tag: '3.19.1', rank: 0, firstSeenAt: '2024-05-01T10:00:00Z' }],
};

describe('withDeclaredPatterns', () => {
  it('keeps the backend’s results as they are', () => {
    expect(withDeclaredPatterns([alpine], 'alpine:3.19.*', entityRef)).toEqual([
      alpine,
    ]);
  });

  it('matches a declared pattern written differently by its normalised key', () => {
    const rows = withDeclaredPatterns(
      [alpine],
      'docker.io/library/alpine:3.19.*',
      entityRef,
    );
    expect(rows).toEqual([alpine]);
  });

  it('adds a declared pattern the backend does not know as pending', () => {
    const rows = withDeclaredPatterns(
      [alpine],
      'alpine:3.19.*\nubi8/ubi:8.10-*',
      entityRef,
    );
    expect(rows[1]).toEqual({
      pattern: 'ubi8/ubi:8.10-*',
      status: 'pending',
      repository: 'docker.io/ubi8/ubi',
      sources: [entityRef],
      tags: [],
    });
  });

  it('adds a pattern that does not parse as invalid with the parser’s message', () => {
    const rows = withDeclaredPatterns([], 'alpine@sha256:abc', entityRef);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('invalid');
    expect(rows[0].pattern).toBe('alpine@sha256:abc');
    expect(rows[0].error).toMatch(
      /Invalid base image pattern "alpine@sha256:abc"/,
    );
  });

  it('does not repeat an invalid pattern the backend already reports', () => {
    const reported: PatternResult = {
      pattern: 'alpine@sha256:abc',
      status: 'invalid',
      error: 'from the backend',
      sources: [entityRef],
      tags: [],
    };
    expect(
      withDeclaredPatterns([reported], 'alpine@sha256:abc', entityRef),
    ).toEqual([reported]);
  });
});
