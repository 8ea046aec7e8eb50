/**
 * Test infrastructure for registry clients: the real CNCF Distribution
 * registry, a token server, tag seeding and a scriptable fake registry.
 *
 * @packageDocumentation
 */

export { createTestCertificates, type TestCertificates } from './certificates';
export { findFreePort } from './freePort';
export { createInstantClock, type InstantClock } from './instantClock';
export {
  makeTags,
  pagedTagsHandler,
  withBearerAuth,
  type BearerAuthOptions,
  type PagedTagsOptions,
} from './fakeRegistryScripts';
export { pushTags, type PushTarget } from './pushTags';
export { writePullSecret } from './writePullSecret';
export {
  startDistributionRegistry,
  type DistributionRegistry,
  type DistributionRegistryOptions,
} from './startDistributionRegistry';
export {
  startFakeRegistry,
  type FakeRegistry,
  type FakeRegistryHandler,
  type FakeRegistryInfo,
  type FakeRegistryRequest,
  type FakeRegistryResponse,
} from './startFakeRegistry';
export {
  startTokenServer,
  type TokenAccess,
  type TokenServer,
  type TokenServerOptions,
  type TokenServerRequest,
} from './startTokenServer';
