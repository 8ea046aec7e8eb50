import {
  isRegistryError,
  ListTagsOptions,
  RepositoryRef,
  TagLister,
  TagListing,
} from '@base-image-tags/plugin-base-image-tags-node';
import http from 'node:http';
import https from 'node:https';
import { defaultSensorTimeoutMs, SensorEndpoint } from './DelegationSettings';
import {
  readSensorAnswer,
  SensorAnswer,
  SensorQuestion,
} from './readSensorAnswer';
import { SensorError } from './SensorError';

/** 100 000 tags of up to 128 characters fit with room to spare. */
const defaultMaxAnswerBytes = 32 * 1024 * 1024;

class AnswerTooLarge extends Error {}

const socketReasons: Record<string, string> = {
  ECONNREFUSED: 'refused the connection; is it running?',
  ECONNRESET: 'closed the connection before answering',
  EPIPE: 'closed the connection before answering',
  ENOTFOUND: 'has a host name that does not resolve',
  EAI_AGAIN: 'has a host name that does not resolve right now',
  EHOSTUNREACH: 'is on a host that cannot be reached',
  ENETUNREACH: 'is on a network that cannot be reached',
  ETIMEDOUT: 'did not accept the connection in time',
};

function describeSocketError(error: unknown, configKey: string): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  if (socketReasons[code]) {
    return `${socketReasons[code]} (${code})`;
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) {
    return `presented a TLS certificate that is not trusted (${code}); set ${configKey}.caFile to its CA`;
  }
  if ((error as Error)?.message === 'socket hang up') {
    return 'closed the connection before answering';
  }
  return `could not be reached (${code || 'connection failed'})`;
}

/**
 * Lists tags through a sensor: `POST {url}/v1/tags` with the bearer
 * token. A registry failure behind the sensor comes back as the
 * `RegistryError` the sensor reported; a sensor that cannot be reached, or
 * refuses, gives a {@link SensorError}. It never retries, so that one
 * listing per repository per cycle holds.
 *
 * @public
 */
export class SensorTagLister implements TagLister {
  private readonly endpoint: SensorEndpoint;
  private readonly maxAnswerBytes: number;

  constructor(endpoint: SensorEndpoint, options?: { maxAnswerBytes?: number }) {
    this.endpoint = endpoint;
    this.maxAnswerBytes = options?.maxAnswerBytes ?? defaultMaxAnswerBytes;
  }

  /** The sensor's configured name. */
  get sensorName(): string {
    return this.endpoint.name;
  }

  async listTags(
    ref: RepositoryRef,
    options?: ListTagsOptions,
  ): Promise<TagListing> {
    const question: SensorQuestion = {
      sensor: this.endpoint.name,
      configKey: this.endpoint.configKey ?? `sensor "${this.endpoint.name}"`,
      ref,
    };
    const timeoutMs = this.endpoint.timeoutMs ?? defaultSensorTimeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options?.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout;

    let answer: SensorAnswer;
    try {
      answer = await this.send(
        JSON.stringify({ registry: ref.registry, repository: ref.repository }),
        signal,
      );
    } catch (error) {
      if (options?.signal?.aborted) {
        throw options.signal.reason;
      }
      throw this.unreachable(question, error, timeout.aborted, timeoutMs);
    }
    const result = readSensorAnswer(answer, question);
    if (result instanceof SensorError || isRegistryError(result)) {
      throw result;
    }
    return result;
  }

  private unreachable(
    question: SensorQuestion,
    error: unknown,
    timedOut: boolean,
    timeoutMs: number,
  ): SensorError {
    const { ref } = question;
    let what = describeSocketError(error, question.configKey);
    if (error instanceof AnswerTooLarge) {
      what = `sent an answer larger than ${this.maxAnswerBytes} bytes`;
    } else if (timedOut) {
      what = `did not answer within ${timeoutMs / 1000} s (${
        question.configKey
      }.timeout)`;
    }
    return new SensorError({
      kind:
        error instanceof AnswerTooLarge
          ? 'sensor-protocol'
          : 'sensor-unreachable',
      sensor: this.endpoint.name,
      registry: ref.registry,
      repository: ref.repository,
      message: `Sensor "${this.endpoint.name}" at ${this.endpoint.url} ${what} (listing ${ref.registry}/${ref.repository})`,
    });
  }

  private send(body: string, signal: AbortSignal): Promise<SensorAnswer> {
    const url = new URL(`${this.endpoint.url.replace(/\/+$/, '')}/v1/tags`);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<SensorAnswer>((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method: 'POST',
          // A fresh connection per listing: a kept-alive socket the sensor
          // already closed would fail a listing for nothing.
          agent: false,
          signal,
          ca: this.endpoint.ca,
          headers: {
            authorization: `Bearer ${this.endpoint.token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            accept: 'application/json',
          },
        },
        response => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxAnswerBytes) {
              // Rejected first: destroying can still end the response.
              reject(new AnswerTooLarge());
              request.destroy();
              return;
            }
            chunks.push(chunk);
          });
          response.on('error', reject);
          response.on('aborted', () =>
            reject(
              Object.assign(new Error('socket hang up'), {
                code: 'ECONNRESET',
              }),
            ),
          );
          response.on('end', () => {
            const retryAfter = response.headers['retry-after'];
            resolve({
              status: response.statusCode ?? 0,
              retryAfter: Array.isArray(retryAfter)
                ? retryAfter[0]
                : retryAfter,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}
