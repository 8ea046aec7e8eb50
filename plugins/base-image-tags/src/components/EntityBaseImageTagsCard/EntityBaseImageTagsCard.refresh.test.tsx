import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  PatternResult,
  RefreshResponse,
} from '@base-image-tags/plugin-base-image-tags-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BaseImageTagsApi, baseImageTagsApiRef } from '../../api';
import { fakeBaseImageTagsApi } from '../../testing/fakeApi';
import {
  entityRef,
  entityWith,
  failing,
  healthy,
} from '../../testing/fixtures';
import { permissionPair } from '../../testing/permissions';
import { EntityBaseImageTagsCard } from './EntityBaseImageTagsCard';

// Refresh is allowed in this file; see EntityBaseImageTagsCard.test.tsx for
// the card with refresh denied.

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

const requestedAt = new Date(Date.now() + 1_000).toISOString();
const accepted: RefreshResponse = {
  repositories: ['localhost:5050/ubi8/ubi'],
  requestedAt,
};
const refreshed: PatternResult = {
  ...healthy,
  newestTag: '8.10-1100',
  newestImage: 'localhost:5050/ubi8/ubi:8.10-1100',
  lastPolledAt: new Date(Date.parse(requestedAt) + 2_000).toISOString(),
  tags: [
    { tag: '8.10-1100', rank: 0, firstSeenAt: requestedAt },
    ...healthy.tags.map(tag => ({ ...tag, rank: tag.rank + 1 })),
  ],
};

function renderCard(api: BaseImageTagsApi) {
  return renderInTestApp(
    <EntityProvider entity={entityWith(healthy.pattern)}>
      <EntityBaseImageTagsCard
        refreshWatch={{ pollIntervalMs: 5, timeoutMs: 2_000 }}
      />
    </EntityProvider>,
    { apis: [[baseImageTagsApiRef, api], permissionPair(true)] },
  );
}

describe('EntityBaseImageTagsCard refresh', () => {
  it('refreshes the entity’s repositories, shows progress, then the new tag', async () => {
    const firstPoll = deferred<PatternResult[]>();
    const reads: Array<() => Promise<PatternResult[]>> = [
      async () => [healthy],
      () => firstPoll.promise,
    ];
    const api = fakeBaseImageTagsApi({
      getEntityPatterns: () => (reads.shift() ?? (async () => [refreshed]))(),
      refresh: async () => accepted,
    });
    renderCard(api);

    expect(await screen.findByLabelText('Newest image')).toHaveTextContent(
      'localhost:5050/ubi8/ubi:8.10-1088.1696512345',
    );
    const button = await screen.findByRole('button', {
      name: 'Refresh base image tags',
    });
    await userEvent.click(button);

    expect(api.refresh).toHaveBeenCalledWith({ entityRef });
    // The first read after the request is still on its way.
    const progress = await screen.findByLabelText('Refresh progress');
    expect(progress).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Refresh base image tags' }),
    ).toBeDisabled();

    // The backend has not listed the repository yet.
    firstPoll.resolve([healthy]);
    expect(
      await screen.findByText('Listing tags: 0 of 1 repository done…'),
    ).toBeInTheDocument();

    // A later read sees the listing made after the request.
    expect(await screen.findByText('Refreshed 1 repository.')).toBeVisible();
    expect(screen.getByLabelText('Newest image')).toHaveTextContent(
      'localhost:5050/ubi8/ubi:8.10-1100',
    );
    expect(screen.queryByLabelText('Refresh progress')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Refresh base image tags' }),
    ).toBeEnabled();
  });

  it('says how many refreshed repositories are failing', async () => {
    const failingAfter: PatternResult = {
      ...failing,
      lastPolledAt: refreshed.lastPolledAt,
    };
    const reads: Array<() => Promise<PatternResult[]>> = [
      async () => [healthy, failing],
    ];
    const api = fakeBaseImageTagsApi({
      getEntityPatterns: () =>
        (reads.shift() ?? (async () => [refreshed, failingAfter]))(),
      refresh: async () => ({
        repositories: [healthy.repository!, failing.repository!],
        requestedAt,
      }),
    });
    renderInTestApp(
      <EntityProvider
        entity={entityWith(`${healthy.pattern}\n${failing.pattern}`)}
      >
        <EntityBaseImageTagsCard
          refreshWatch={{ pollIntervalMs: 5, timeoutMs: 2_000 }}
        />
      </EntityProvider>,
      { apis: [[baseImageTagsApiRef, api], permissionPair(true)] },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh base image tags' }),
    );

    expect(
      await screen.findByText(
        'Refreshed 2 repositories; 1 is failing: see below.',
      ),
    ).toBeVisible();
  });

  it('says so when the listing outlasts the watch', async () => {
    const api = fakeBaseImageTagsApi({
      getEntityPatterns: async () => [healthy],
      refresh: async () => accepted,
    });
    renderInTestApp(
      <EntityProvider entity={entityWith(healthy.pattern)}>
        <EntityBaseImageTagsCard
          refreshWatch={{ pollIntervalMs: 5, timeoutMs: 50 }}
        />
      </EntityProvider>,
      { apis: [[baseImageTagsApiRef, api], permissionPair(true)] },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh base image tags' }),
    );

    expect(
      await screen.findByText(/The listing is taking longer than expected/),
    ).toBeVisible();
  });

  it('shows why a refresh request failed', async () => {
    const api = fakeBaseImageTagsApi({
      getEntityPatterns: async () => [healthy],
      refresh: async () => {
        throw new Error('Request failed with 403 Forbidden');
      },
    });
    renderCard(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh base image tags' }),
    );

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(
        'Refresh failed: Request failed with 403 Forbidden',
      ),
    ).toBeVisible();
    // The stored result stays on screen.
    expect(screen.getByLabelText('Newest image')).toHaveTextContent(
      'localhost:5050/ubi8/ubi:8.10-1088.1696512345',
    );
  });
});
