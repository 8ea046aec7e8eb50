import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  createTestCertificates,
  pagedTagsHandler,
  TestCertificates,
} from '../testing';
import {
  listingFailure,
  useFakeRegistries,
} from './__testUtils__/fakeRegistryFixture';
import { RegistryClient } from './RegistryClient';

/** A CONNECT proxy that tunnels every target to `upstream`. */
async function startTunnelProxy(upstream: () => number) {
  const targets: string[] = [];
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((_, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, socket, head) => {
    targets.push(req.url ?? '');
    tunnels.add(socket as net.Socket);
    const remote = net.connect(upstream(), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      remote.write(head);
      remote.pipe(socket);
      socket.pipe(remote);
    });
    remote.on('error', () => socket.destroy());
    socket.on('error', () => remote.destroy());
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    stop: () =>
      new Promise<void>(resolve => {
        // Tunnels are not HTTP connections, so close them by hand.
        tunnels.forEach(socket => socket.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('RegistryClient transport', () => {
  const fakes = useFakeRegistries();

  describe('timeouts and aborts', () => {
    const slow = (ms: number) => async () => {
      await new Promise(resolve => setTimeout(resolve, ms));
      return { body: { tags: ['a'] } };
    };

    it('gives up when the TLS handshake takes longer than connectTimeout', async () => {
      // Accepts TCP but never speaks TLS.
      const sockets = new Set<net.Socket>();
      const silent = net.createServer(socket => sockets.add(socket));
      await new Promise<void>(resolve =>
        silent.listen(0, '127.0.0.1', resolve),
      );
      const host = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
      try {
        const client = fakes.track(
          RegistryClient.create({
            limits: { connectTimeoutMs: 200, maxRetries: 0 },
          }),
        );
        const error = await listingFailure(
          client.listTags({ registry: host, repository: 'team/app' }),
        );
        expect(error.kind).toBe('timeout');
        expect(error.message).toContain('limits.connectTimeout');
      } finally {
        sockets.forEach(socket => socket.destroy());
        await new Promise(resolve => silent.close(resolve));
      }
    });

    it('gives up when headers take longer than headersTimeout', async () => {
      const registry = await fakes.start(slow(1500));
      const client = fakes.track(
        RegistryClient.create({
          registries: [{ host: registry.host, insecure: true }],
          limits: { headersTimeoutMs: 100 },
        }),
      );
      const error = await listingFailure(
        client.listTags({ registry: registry.host, repository: 'team/app' }),
      );
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('limits.headersTimeout');
    });

    it('gives up when a request takes longer than requestTimeout', async () => {
      const registry = await fakes.start(slow(1500));
      const client = fakes.track(
        RegistryClient.create({
          registries: [{ host: registry.host, insecure: true }],
          limits: { requestTimeoutMs: 100 },
        }),
      );
      const error = await listingFailure(
        client.listTags({ registry: registry.host, repository: 'team/app' }),
      );
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('limits.requestTimeout');
    });

    it('ends a listing at its deadline', async () => {
      let page = 0;
      const registry = await fakes.start(async () => {
        page++;
        await new Promise(resolve => setTimeout(resolve, 60));
        return {
          headers: { Link: `</v2/team/app/tags/list?page=${page}>; rel=next` },
          body: { tags: [`t${page}`] },
        };
      });
      const client = fakes.track(
        RegistryClient.create({
          registries: [
            { host: registry.host, insecure: true, requestsPerSecond: 1000 },
          ],
          limits: { listingDeadlineMs: 300 },
        }),
      );
      const error = await listingFailure(
        client.listTags({ registry: registry.host, repository: 'team/app' }),
      );
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('limits.listingDeadline');
    });

    it('rejects with the caller’s abort reason', async () => {
      const registry = await fakes.start(slow(1000));
      const client = fakes.track(
        RegistryClient.create({
          registries: [{ host: registry.host, insecure: true }],
        }),
      );
      const controller = new AbortController();
      const reason = new Error('shutting down');
      setTimeout(() => controller.abort(reason), 50);
      await expect(
        client.listTags(
          { registry: registry.host, repository: 'team/app' },
          { signal: controller.signal },
        ),
      ).rejects.toBe(reason);
    });
  });

  describe('proxies and TLS', () => {
    let dir: string;
    let certificates: TestCertificates;
    const saved = { ...process.env };

    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'transport-test-'));
      certificates = await createTestCertificates(dir, {
        serverNames: ['registry-1.docker.io'],
      });
    });
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));
    afterEach(() => {
      for (const name of [
        'HTTPS_PROXY',
        'https_proxy',
        'HTTP_PROXY',
        'http_proxy',
        'NO_PROXY',
        'no_proxy',
      ]) {
        if (saved[name] === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = saved[name];
        }
      }
    });

    function clearProxyEnv() {
      for (const name of [
        'https_proxy',
        'http_proxy',
        'no_proxy',
        'NO_PROXY',
      ]) {
        delete process.env[name];
      }
    }

    it('reaches docker.io at registry-1.docker.io through HTTPS_PROXY', async () => {
      const registry = await fakes.start(
        pagedTagsHandler({
          repository: 'library/alpine',
          tags: ['3.19', '3.20'],
        }),
        { tls: { cert: certificates.serverCert, key: certificates.serverKey } },
      );
      const port = Number(registry.host.split(':')[1]);
      const proxy = await startTunnelProxy(() => port);
      try {
        clearProxyEnv();
        process.env.HTTPS_PROXY = proxy.url;
        const client = fakes.track(
          RegistryClient.create({
            registries: [{ host: 'docker.io', ca: certificates.ca }],
          }),
        );
        const listing = await client.listTags({
          registry: 'docker.io',
          repository: 'alpine',
        });
        expect(listing.tags).toEqual(['3.19', '3.20']);
        expect(proxy.targets).toEqual(['registry-1.docker.io:443']);
        expect(registry.requests[0].headers.host).toBe('registry-1.docker.io');
        expect(registry.requests[0].url.pathname).toBe(
          '/v2/library/alpine/tags/list',
        );
      } finally {
        await proxy.stop();
      }
    });

    it('bypasses the proxy for NO_PROXY hosts', async () => {
      const registry = await fakes.start(() => ({ body: { tags: ['a'] } }), {
        tls: { cert: certificates.serverCert, key: certificates.serverKey },
      });
      const proxy = await startTunnelProxy(() => 1);
      try {
        clearProxyEnv();
        process.env.HTTPS_PROXY = proxy.url;
        process.env.NO_PROXY = 'localhost,127.0.0.1';
        const client = fakes.track(
          RegistryClient.create({
            registries: [{ host: registry.host, ca: certificates.ca }],
          }),
        );
        const listing = await client.listTags({
          registry: registry.host,
          repository: 'team/app',
        });
        expect(listing.tags).toEqual(['a']);
        expect(proxy.targets).toEqual([]);
      } finally {
        await proxy.stop();
      }
    });

    it('trusts a CA file only for the registry it is configured for', async () => {
      const registry = await fakes.start(() => ({ body: { tags: ['a'] } }), {
        tls: { cert: certificates.serverCert, key: certificates.serverKey },
      });
      const client = fakes.track(
        RegistryClient.create({
          registries: [{ host: 'other.example', ca: certificates.ca }],
          limits: { maxRetries: 0 },
        }),
      );
      const error = await listingFailure(
        client.listTags({ registry: registry.host, repository: 'team/app' }),
      );
      expect(error.kind).toBe('network');
      expect(error.message).toContain('TLS');
    });
  });
});
