import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/**
 * A test server on a free port of 127.0.0.1.
 *
 * @internal
 */
export interface LocalServer {
  /** `127.0.0.1:<port>`. */
  host: string;
  /** `http://127.0.0.1:<port>` or `https://…`. */
  url: string;
  /** Drops open connections and closes the server. */
  stop(): Promise<void>;
}

/**
 * Serves `handle` over HTTP, or HTTPS with `tls`, on a free port of
 * 127.0.0.1.
 *
 * @internal
 */
export async function startLocalServer(
  handle: http.RequestListener,
  tls?: { cert: string | Buffer; key: string | Buffer },
): Promise<LocalServer> {
  const server = tls
    ? https.createServer({ cert: tls.cert, key: tls.key }, handle)
    : http.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `${tls ? 'https' : 'http'}://${host}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
