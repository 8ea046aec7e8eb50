import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { RepositoryHealth } from '@base-image-tags/plugin-base-image-tags-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { baseImageTagsApiRef } from '../../api';
import { fakeBaseImageTagsApi } from '../../testing/fakeApi';
import { repositories } from '../../testing/fixtures';
import { permissionPair } from '../../testing/permissions';
import { BaseImageTagsOverview } from './BaseImageTagsOverview';

// Refresh is allowed in this file.

// The table is slow to render in jsdom.
jest.setTimeout(20_000);

describe('BaseImageTagsOverview refresh', () => {
  it('refreshes one repository and shows its new listing', async () => {
    const requestedAt = new Date(Date.now() + 1_000).toISOString();
    const listed: RepositoryHealth[] = repositories.map(repository =>
      repository.repository === 'localhost:5050/ubi8/ubi'
        ? {
            ...repository,
            tagCount: 10,
            lastPolledAt: new Date(
              Date.parse(requestedAt) + 1_000,
            ).toISOString(),
          }
        : repository,
    );
    let releaseFirstPoll!: () => void;
    const firstPoll = new Promise<RepositoryHealth[]>(resolve => {
      releaseFirstPoll = () => resolve(repositories);
    });
    const reads = [Promise.resolve(repositories), firstPoll];
    const api = fakeBaseImageTagsApi({
      getRepositories: () => reads.shift() ?? Promise.resolve(listed),
      refresh: async () => ({
        repositories: ['localhost:5050/ubi8/ubi'],
        requestedAt,
      }),
    });
    renderInTestApp(
      <BaseImageTagsOverview
        refreshWatch={{ pollIntervalMs: 5, timeoutMs: 2_000 }}
      />,
      {
        apis: [[baseImageTagsApiRef, api], permissionPair(true)],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name':
            convertLegacyRouteRef(entityRouteRef),
        },
      },
    );

    const row = () =>
      screen.getByText('localhost:5050/ubi8/ubi').closest('tr') as HTMLElement;
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Refresh localhost:5050/ubi8/ubi',
      }),
    );

    expect(api.refresh).toHaveBeenCalledWith({
      repository: 'localhost:5050/ubi8/ubi',
    });
    // While the first read after the request is on its way.
    expect(
      await screen.findByRole('progressbar', {
        name: 'Refreshing localhost:5050/ubi8/ubi',
      }),
    ).toBeInTheDocument();
    releaseFirstPoll();
    await waitFor(() =>
      expect(within(row()).getAllByRole('cell')[2]).toHaveTextContent('10'),
    );
    await waitFor(() =>
      expect(
        within(row()).getByRole('button', {
          name: 'Refresh localhost:5050/ubi8/ubi',
        }),
      ).toBeInTheDocument(),
    );
    expect(api.getRepositories).toHaveBeenCalledTimes(3);
    // A repository that is never contacted offers no refresh.
    expect(
      screen.queryByRole('button', { name: 'Refresh quay.io/private/base' }),
    ).not.toBeInTheDocument();
  });
});
