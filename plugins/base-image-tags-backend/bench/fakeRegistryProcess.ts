/*
 * The benchmark's fake registry, in a process of its own so that its CPU
 * time does not slow the measured cycle, as a remote registry would not.
 * Talks to the parent over IPC.
 */
import { startFakeRegistry } from '@base-image-tags/plugin-base-image-tags-node/testing';
import { registryHandler } from './benchFixture';

/**
 * What the parent learns about each request.
 *
 * @internal
 */
export interface RequestRecord {
  path: string;
  authorized: boolean;
  scope: string;
}

// Ends with the benchmark, however the benchmark ends.
process.on('disconnect', () => process.exit(0));

startFakeRegistry(registryHandler()).then(registry => {
  process.send!({ type: 'ready', host: registry.host });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'requests') {
      const requests: RequestRecord[] = registry.requests.map(request => ({
        path: request.url.pathname,
        authorized: Boolean(request.headers.authorization),
        scope: request.url.searchParams.getAll('scope').join(' '),
      }));
      process.send!({ type: 'requests', requests });
    } else if (message.type === 'stop') {
      registry.stop().then(() => process.exit(0));
    }
  });
});
