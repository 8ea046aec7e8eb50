function describeDelay(ms: number): string {
  return ms >= 3_600_000
    ? `${(ms / 3_600_000).toFixed(1)} h`
    : `${Math.round(ms / 60_000)} min`;
}

/**
 * The warning logged for a failed listing: the repository, the failures in
 * a row, the next attempt and the reason. The registry client's messages
 * open with `Listing <repository> failed: ` (or `Listing <repository> took
 * …`) themselves, so that opening is left out of the reason rather than
 * said twice.
 *
 * @internal
 */
export function listingFailureWarning(
  repositoryId: string,
  message: string,
  failures: number,
  delayMs: number,
): string {
  const opening = `Listing ${repositoryId} `;
  let reason = message;
  if (reason.startsWith(`${opening}failed: `)) {
    reason = reason.slice(`${opening}failed: `.length);
  } else if (reason.startsWith(opening)) {
    reason = reason.slice(opening.length);
  }
  return (
    `Listing ${repositoryId} failed (${failures} in a row, next attempt in ` +
    `${describeDelay(delayMs)}): ${reason}`
  );
}
