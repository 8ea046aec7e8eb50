import { listingFailureWarning } from './listingFailureWarning';

const alpine = 'docker.io/library/alpine';

describe('listingFailureWarning', () => {
  it('says "Listing … failed" once when the reason says it too', () => {
    expect(
      listingFailureWarning(
        alpine,
        `Listing ${alpine} failed: cannot resolve docker.io (ENOTFOUND)`,
        1,
        15 * 60_000,
      ),
    ).toBe(
      `Listing ${alpine} failed (1 in a row, next attempt in 15 min): ` +
        'cannot resolve docker.io (ENOTFOUND)',
    );
  });

  it('names the repository once for a listing that took too long', () => {
    expect(
      listingFailureWarning(
        alpine,
        `Listing ${alpine} took longer than 300 s (limits.listingDeadline) after 3 requests`,
        2,
        2 * 3_600_000,
      ),
    ).toBe(
      `Listing ${alpine} failed (2 in a row, next attempt in 2.0 h): ` +
        'took longer than 300 s (limits.listingDeadline) after 3 requests',
    );
  });

  it('keeps a reason that does not name the listing as is', () => {
    expect(
      listingFailureWarning(
        alpine,
        `Repository ${alpine} not found or has no tags (HTTP 404); check the image reference`,
        3,
        60_000,
      ),
    ).toBe(
      `Listing ${alpine} failed (3 in a row, next attempt in 1 min): ` +
        `Repository ${alpine} not found or has no tags (HTTP 404); check the image reference`,
    );
  });
});
