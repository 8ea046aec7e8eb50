import { PatternStatus } from '@base-image-tags/plugin-base-image-tags-common';

/** What each status is called on screen. */
export const statusLabels: Record<PatternStatus, string> = {
  ok: 'Healthy',
  pending: 'Waiting for first poll',
  failing: 'Failing',
  'not-allowed': 'Registry not allowed',
  invalid: 'Invalid pattern',
};

// Problems first, so that they are seen before healthy rows.
const statusOrder: Record<PatternStatus, number> = {
  invalid: 0,
  failing: 1,
  'not-allowed': 2,
  pending: 3,
  ok: 4,
};

/** Orders statuses with problems first. */
export function compareStatus(a: PatternStatus, b: PatternStatus): number {
  return statusOrder[a] - statusOrder[b];
}
