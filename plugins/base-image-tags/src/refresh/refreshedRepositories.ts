import { RefreshResponse } from '@base-image-tags/plugin-base-image-tags-common';

/** One observation of a repository: a pattern row or a repository row. */
export interface PollObservation {
  repository?: string;
  status: string;
  lastPolledAt?: string;
}

// Never contacted, so a refresh cannot move their poll time.
const UNREACHABLE = new Set(['not-allowed', 'invalid']);

/**
 * Which of the repositories a refresh marked due have been listed since it
 * was requested. A repository counts once every row on it was polled at or
 * after `requestedAt`; one that is never contacted, or not among the rows,
 * counts at once, since no poll of it can be observed.
 */
export function refreshedRepositories(
  rows: PollObservation[],
  response: RefreshResponse,
): string[] {
  const requestedAt = Date.parse(response.requestedAt);
  return response.repositories.filter(repository => {
    const observed = rows.filter(
      row => row.repository === repository && !UNREACHABLE.has(row.status),
    );
    return observed.every(
      row =>
        row.lastPolledAt !== undefined &&
        Date.parse(row.lastPolledAt) >= requestedAt,
    );
  });
}

/**
 * Which of the repositories a refresh marked due have a row that is
 * failing, so that a finished refresh does not read as a success for them.
 */
export function failingRepositories(
  rows: PollObservation[],
  response: RefreshResponse,
): string[] {
  return response.repositories.filter(repository =>
    rows.some(row => row.repository === repository && row.status === 'failing'),
  );
}
