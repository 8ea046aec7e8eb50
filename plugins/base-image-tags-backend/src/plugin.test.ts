import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { baseImageTagsPlugin } from './plugin';

describe('baseImageTagsPlugin', () => {
  it('starts and serves its health endpoint', async () => {
    const { server } = await startTestBackend({
      features: [baseImageTagsPlugin],
    });

    const response = await request(server).get('/api/base-image-tags/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
