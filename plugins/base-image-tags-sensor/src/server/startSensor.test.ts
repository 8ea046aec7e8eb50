import { ConfigReader } from '@backstage/config';
import net from 'node:net';
import { startSensor } from './startSensor';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('startSensor', () => {
  it('closes the connection of a caller that never finishes its request', async () => {
    const sensor = await startSensor(
      new ConfigReader({
        server: { host: '127.0.0.1', port: 0 },
        auth: { tokens: ['a-sensor-token-of-some-length'] },
        allow: ['registry.example.com'],
      }),
      {
        logger: silent,
        lister: { listTags: async () => ({ tags: [], pages: 0, requests: 0 }) },
        clientRequestTimeoutMs: 300,
      },
    );
    const socket = net.connect(sensor.port, '127.0.0.1');
    try {
      let answer = '';
      const closed = new Promise<string>(resolve => {
        socket.on('data', chunk => {
          answer += String(chunk);
        });
        socket.on('close', () => resolve(answer));
        socket.on('error', () => {});
      });
      socket.write('POST /v1/tags HTTP/1.1\r\nHost: sensor\r\n');

      const outcome = await Promise.race([
        closed,
        new Promise<string>(resolve =>
          setTimeout(() => resolve('still open after 5 s'), 5_000),
        ),
      ]);

      expect(outcome).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      socket.destroy();
      await sensor.close();
    }
  });
});
