// What the example component payments-service must show, worked out by
// hand from the tag sets scripts/seed-local-registry.mjs pushes and the
// patterns in examples/local-registry/entities.yaml.

export const ENTITY_PATH = '/catalog/default/component/payments-service';

/** Pattern → newest image after seeding. */
export const SEEDED_NEWEST = {
  // 8.10-896, 8.10-1020, 8.10-1088, 8.10-1088.1696512345 match; the build
  // number after 8.10 orders them and the timestamped rebuild of 1088 is
  // newest. 8.10-1088-source is another variant; 8.10 and latest do not
  // match "8.10-*".
  'localhost:5050/ubi8/ubi:8.10-*':
    'localhost:5050/ubi8/ubi:8.10-1088.1696512345',
  // 9.5-1731604394 is a release of 9.5, so newer than plain 9.5 and every
  // 9.4 tag.
  'localhost:5050/ubi9/ubi-minimal:9.*':
    'localhost:5050/ubi9/ubi-minimal:9.5-1731604394',
  // 2.0.0 … 2.11.39; the -rc1 tags are another variant.
  'localhost:5050/platform/java-base:2.*':
    'localhost:5050/platform/java-base:2.11.39',
};

/** The pattern whose repository was never pushed, so it fails. */
export const FAILING_PATTERN = 'localhost:5050/platform/retired-base:1.*';
export const FAILING_REPOSITORY = 'localhost:5050/platform/retired-base';

export const UBI8_PATTERN = 'localhost:5050/ubi8/ubi:8.10-*';
export const UBI8_REPOSITORY = 'ubi8/ubi';

/**
 * The tag to push for the refresh step and the newest ubi8 image before
 * it. On a fresh registry that is 8.10-1100 over the seeded newest; on a
 * registry kept from earlier runs, which pushed 8.10-1100, 8.10-1101, …,
 * the next build number after the highest pushed.
 */
export function ubi8RefreshPlan(tags) {
  const pushed = tags
    .map(tag => /^8\.10-(\d+)$/.exec(tag))
    .filter(match => match && Number(match[1]) >= 1100)
    .map(match => Number(match[1]));
  if (pushed.length === 0) {
    return {
      newestBefore: SEEDED_NEWEST[UBI8_PATTERN],
      newTag: '8.10-1100',
    };
  }
  const highest = Math.max(...pushed);
  return {
    newestBefore: `localhost:5050/ubi8/ubi:8.10-${highest}`,
    newTag: `8.10-${highest + 1}`,
  };
}
