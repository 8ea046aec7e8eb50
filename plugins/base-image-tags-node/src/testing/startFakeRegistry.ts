import http from 'node:http';
import { startLocalServer } from './startLocalServer';

/**
 * A request the fake registry received.
 *
 * @public
 */
export interface FakeRegistryRequest {
  method: string;
  /** Path and query as sent, e.g. `/v2/foo/tags/list?n=1000`. */
  path: string;
  /** The full URL as the fake registry sees it. */
  url: URL;
  /** Request headers, lower case names. */
  headers: Record<string, string | undefined>;
  body: string;
}

/**
 * What the fake registry answers. An object or array `body` is sent as
 * JSON; a string or Buffer as-is.
 *
 * @public
 */
export interface FakeRegistryResponse {
  status?: number;
  /** Response headers; `undefined` values are left out. */
  headers?: Record<string, string | string[] | undefined>;
  body?: unknown;
  /** Close the connection without answering. */
  destroy?: boolean;
}

/**
 * The running fake registry as its handler sees it.
 *
 * @public
 */
export interface FakeRegistryInfo {
  /** `127.0.0.1:<port>`. */
  host: string;
  /** `http://127.0.0.1:<port>` or `https://…`. */
  url: string;
}

/**
 * Scripts the fake registry's answers.
 *
 * @public
 */
export type FakeRegistryHandler = (
  request: FakeRegistryRequest,
  registry: FakeRegistryInfo,
) => FakeRegistryResponse | Promise<FakeRegistryResponse>;

/**
 * A running fake registry that records every request.
 *
 * @public
 */
export interface FakeRegistry extends FakeRegistryInfo {
  requests: FakeRegistryRequest[];
  /** Requests whose path starts with `pathPrefix` (all when absent). */
  count(pathPrefix?: string): number;
  /** Replaces the handler. */
  setHandler(handler: FakeRegistryHandler): void;
  stop(): Promise<void>;
}

/**
 * Starts a scriptable registry on 127.0.0.1: every request is recorded and
 * answered by `handler`; a handler that throws gives a 500.
 *
 * @public
 */
export async function startFakeRegistry(
  handler: FakeRegistryHandler,
  options?: { tls?: { cert: string | Buffer; key: string | Buffer } },
): Promise<FakeRegistry> {
  let current = handler;
  const requests: FakeRegistryRequest[] = [];
  const info: FakeRegistryInfo = { host: '', url: '' };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', async () => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const request: FakeRegistryRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        url: new URL(req.url ?? '/', info.url),
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      let answer: FakeRegistryResponse;
      try {
        answer = await current(request, info);
      } catch (error) {
        answer = { status: 500, body: { error: String(error) } };
      }
      if (answer.destroy) {
        req.socket.destroy();
        return;
      }
      const body = answer.body;
      const isJson =
        body !== undefined &&
        typeof body !== 'string' &&
        !Buffer.isBuffer(body);
      const responseHeaders: Record<string, string | string[]> = isJson
        ? { 'Content-Type': 'application/json' }
        : {};
      for (const [name, value] of Object.entries(answer.headers ?? {})) {
        if (value !== undefined) {
          responseHeaders[name] = value;
        }
      }
      res.writeHead(answer.status ?? 200, responseHeaders);
      if (body === undefined) {
        res.end();
      } else {
        res.end(isJson ? JSON.stringify(body) : (body as string | Buffer));
      }
    });
  };

  const server = await startLocalServer(handle, options?.tls);
  info.host = server.host;
  info.url = server.url;

  return {
    get host() {
      return info.host;
    },
    get url() {
      return info.url;
    },
    requests,
    count: pathPrefix =>
      requests.filter(r => !pathPrefix || r.path.startsWith(pathPrefix)).length,
    setHandler: next => {
      current = next;
    },
    stop: server.stop,
  };
}
