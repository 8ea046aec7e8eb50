import { Entity } from '@backstage/catalog-model';
import {
  emptyTagCounts,
  PatternResult,
  RankedTag,
  RepositoryHealth,
} from '@base-image-tags/plugin-base-image-tags-common';

const minutes = (count: number) => count * 60_000;

/** An ISO time `offsetMs` from now. */
export function fromNow(offsetMs: number): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

export const entityRef = 'component:default/payments-service';

export function entityWith(annotation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-service',
      namespace: 'default',
      ...(annotation === undefined
        ? {}
        : { annotations: { 'base-image-tags/patterns': annotation } }),
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
  };
}

export const ubi8Tags: RankedTag[] = [
  '8.10-1088.1696512345',
  '8.10-1088',
  '8.10-1020',
  '8.10-896',
  '8.10',
].map((tag, rank) => ({
  tag,
  rank,
  firstSeenAt: fromNow(-minutes(60 * 24 * (rank + 1))),
}));

export const healthy: PatternResult = {
  pattern: 'localhost:5050/ubi8/ubi:8.10-*',
  status: 'ok',
  repository: 'localhost:5050/ubi8/ubi',
  newestTag: '8.10-1088.1696512345',
  newestImage: 'localhost:5050/ubi8/ubi:8.10-1088.1696512345',
  counts: {
    inRepository: 9,
    notTags: 0,
    matched: 6,
    excluded: 0,
    outOfRange: 0,
    variants: 1,
    kept: 5,
  },
  lastPolledAt: fromNow(-minutes(5)),
  nextPollAt: fromNow(minutes(4 * 60)),
  sources: [entityRef],
  tags: ubi8Tags,
};

export const pending: PatternResult = {
  pattern: 'localhost:5050/ubi9/ubi-minimal:9.*',
  status: 'pending',
  repository: 'localhost:5050/ubi9/ubi-minimal',
  sources: [entityRef],
  tags: [],
};

export const failing: PatternResult = {
  pattern: 'localhost:5050/platform/retired-base:1.*',
  status: 'failing',
  repository: 'localhost:5050/platform/retired-base',
  error: 'repository name not known to registry (HTTP 404 NAME_UNKNOWN)',
  failingSince: fromNow(-minutes(2 * 60)),
  lastPolledAt: fromNow(-minutes(1)),
  nextPollAt: fromNow(minutes(14)),
  counts: emptyTagCounts(),
  sources: [entityRef],
  tags: [],
};

export const notAllowed: PatternResult = {
  pattern: 'quay.io/private/base:1.*',
  status: 'not-allowed',
  repository: 'quay.io/private/base',
  error: 'Registry quay.io/private is not on the allow-list',
  sources: [entityRef],
  tags: [],
};

export const repositories: RepositoryHealth[] = [
  {
    repository: 'localhost:5050/ubi8/ubi',
    registry: 'localhost:5050',
    status: 'ok',
    tagCount: 9,
    lastPolledAt: fromNow(-minutes(5)),
    lastSuccessAt: fromNow(-minutes(5)),
    nextPollAt: fromNow(minutes(4 * 60)),
    consecutiveFailures: 0,
    patterns: ['localhost:5050/ubi8/ubi:8.10-*'],
    entityRefs: [entityRef],
  },
  {
    repository: 'localhost:5050/platform/retired-base',
    registry: 'localhost:5050',
    status: 'failing',
    lastPolledAt: fromNow(-minutes(1)),
    nextPollAt: fromNow(minutes(14)),
    failingSince: fromNow(-minutes(2 * 60)),
    consecutiveFailures: 3,
    lastError: 'repository name not known to registry (HTTP 404 NAME_UNKNOWN)',
    patterns: ['localhost:5050/platform/retired-base:1.*'],
    entityRefs: [entityRef],
  },
  {
    repository: 'quay.io/private/base',
    registry: 'quay.io',
    status: 'not-allowed',
    consecutiveFailures: 0,
    lastError: 'Registry quay.io is not on the allow-list',
    patterns: ['quay.io/private/base:1.*'],
    entityRefs: ['config'],
  },
  {
    repository: 'docker.io/library/alpine',
    registry: 'docker.io',
    status: 'pending',
    consecutiveFailures: 0,
    sensor: 'edge-sensor',
    patterns: ['alpine:3.*'],
    entityRefs: ['component:default/web-frontend'],
  },
];
