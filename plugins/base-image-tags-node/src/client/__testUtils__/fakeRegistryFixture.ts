import { isRegistryError, RegistryError } from '../../errors/RegistryError';
import {
  FakeRegistry,
  FakeRegistryHandler,
  startFakeRegistry,
} from '../../testing';
import { RegistryClient } from '../RegistryClient';
import {
  RegistryClientOptions,
  RegistrySettings,
} from '../RegistryClientOptions';

/** Awaits a listing that must fail and returns its `RegistryError`. */
export async function listingFailure(
  promise: Promise<unknown>,
): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  if (!isRegistryError(error)) {
    throw new Error(`expected a RegistryError, got ${error}`);
  }
  return error;
}

/** Starts fake registries and clients for the tests of one block. */
export interface FakeRegistryFixture {
  /** Starts a fake registry. */
  start(
    handler: FakeRegistryHandler,
    options?: Parameters<typeof startFakeRegistry>[1],
  ): Promise<FakeRegistry>;
  /**
   * A client that speaks plain HTTP to the fake registries with no rate
   * limit worth waiting for, unless `settings` say otherwise.
   */
  clientFor(
    registries: FakeRegistry[],
    options?: RegistryClientOptions,
    settings?: Omit<RegistrySettings, 'host'>,
  ): RegistryClient;
  /** Closes a client made some other way after the test. */
  track(client: RegistryClient): RegistryClient;
}

/**
 * Registers an `afterEach` that closes every client, then stops every fake
 * registry, that the block's tests made through the returned fixture.
 */
export function useFakeRegistries(): FakeRegistryFixture {
  const registries: FakeRegistry[] = [];
  const clients: RegistryClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map(client => client.close()));
    await Promise.all(registries.splice(0).map(registry => registry.stop()));
  });

  const track = (client: RegistryClient) => {
    clients.push(client);
    return client;
  };
  return {
    async start(handler, options) {
      const registry = await startFakeRegistry(handler, options);
      registries.push(registry);
      return registry;
    },
    clientFor(fakes, options = {}, settings = {}) {
      return track(
        RegistryClient.create({
          registries: fakes.map(registry => ({
            host: registry.host,
            insecure: true,
            requestsPerSecond: 1000,
            ...settings,
          })),
          ...options,
        }),
      );
    },
    track,
  };
}
