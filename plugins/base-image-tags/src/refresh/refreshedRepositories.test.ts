import {
  failingRepositories,
  refreshedRepositories,
} from './refreshedRepositories';

const response = {
  repositories: ['r/alpine', 'r/ubi'],
  requestedAt: '2024-05-01T10:00:00.000Z',
};

describe('refreshedRepositories', () => {
  it('counts a repository once it was polled at or after the request', () => {
    expect(
      refreshedRepositories(
        [
          {
            repository: 'r/alpine',
            status: 'ok',
            lastPolledAt: '2024-05-01T10:00:00.000Z',
          },
          {
            repository: 'r/ubi',
            status: 'ok',
            lastPolledAt: '2024-05-01T09:59:59.000Z',
          },
        ],
        response,
      ),
    ).toEqual(['r/alpine']);
  });

  it('waits for every row on a repository', () => {
    expect(
      refreshedRepositories(
        [
          {
            repository: 'r/alpine',
            status: 'ok',
            lastPolledAt: '2024-05-01T10:00:01Z',
          },
          { repository: 'r/alpine', status: 'failing' },
          {
            repository: 'r/ubi',
            status: 'failing',
            lastPolledAt: '2024-05-01T10:00:02Z',
          },
        ],
        response,
      ),
    ).toEqual(['r/ubi']);
  });

  it('does not wait for repositories that are never contacted or not shown', () => {
    expect(
      refreshedRepositories(
        [{ repository: 'r/alpine', status: 'not-allowed' }],
        response,
      ),
    ).toEqual(['r/alpine', 'r/ubi']);
  });
});

describe('failingRepositories', () => {
  it('names the refreshed repositories with a failing row', () => {
    expect(
      failingRepositories(
        [
          { repository: 'r/alpine', status: 'ok' },
          { repository: 'r/ubi', status: 'ok' },
          { repository: 'r/ubi', status: 'failing' },
          { repository: 'r/other', status: 'failing' },
        ],
        response,
      ),
    ).toEqual(['r/ubi']);
  });
});
