import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BaseImageTagsApi, baseImageTagsApiRef } from '../../api';
import { repositories } from '../../testing/fixtures';
import { fakeBaseImageTagsApi } from '../../testing/fakeApi';
import { permissionPair } from '../../testing/permissions';
import { BaseImageTagsOverview } from './BaseImageTagsOverview';

// Refresh is denied in this file; BaseImageTagsOverview.refresh.test.tsx
// covers it allowed.

const fakeApi = (getRepositories: BaseImageTagsApi['getRepositories']) =>
  fakeBaseImageTagsApi({ getRepositories });

function renderOverview(api: BaseImageTagsApi) {
  return renderInTestApp(<BaseImageTagsOverview />, {
    apis: [[baseImageTagsApiRef, api], permissionPair(false)],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': convertLegacyRouteRef(entityRouteRef),
    },
  });
}

// The repository of each row, from the first line of its cell.
function repositoryColumn(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(
      row =>
        within(row).getAllByRole('cell')[1].querySelector('span')
          ?.textContent ?? '',
    );
}

// The table is slow to render in jsdom.
jest.setTimeout(20_000);

describe('BaseImageTagsOverview', () => {
  it('lists every repository with problems first', async () => {
    await renderOverview(fakeApi(async () => repositories));

    await screen.findByText('localhost:5050/ubi8/ubi');
    expect(repositoryColumn()).toEqual([
      'localhost:5050/platform/retired-base',
      'quay.io/private/base',
      'docker.io/library/alpine',
      'localhost:5050/ubi8/ubi',
    ]);
  });

  it('shows health, tag count, patterns, users, poll times and problems', async () => {
    await renderOverview(fakeApi(async () => repositories));

    const row = (
      await screen.findByText('localhost:5050/platform/retired-base')
    ).closest('tr') as HTMLElement;
    expect(within(row).getByText('Failing')).toBeInTheDocument();
    // The pattern is shown without its repository, in full on hover.
    expect(within(row).getByText(':1.*')).toHaveAttribute(
      'title',
      'localhost:5050/platform/retired-base:1.*',
    );
    expect(
      within(row).getByRole('link', { name: /payments-service/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-service');
    expect(row).toHaveTextContent('1 minute ago');
    expect(row).toHaveTextContent('next in 14 minutes');
    expect(row).toHaveTextContent(
      'Failing since 2 hours ago: repository name not known to registry (HTTP 404 NAME_UNKNOWN)',
    );
    // Never listed successfully, so there are no tags to keep.
    expect(row).not.toHaveTextContent('are kept');

    const healthyRow = screen
      .getByText('localhost:5050/ubi8/ubi')
      .closest('tr') as HTMLElement;
    expect(within(healthyRow).getByText('Healthy')).toBeInTheDocument();
    expect(within(healthyRow).getAllByRole('cell')[2]).toHaveTextContent('9');

    const sensorRow = screen
      .getByText('docker.io/library/alpine')
      .closest('tr') as HTMLElement;
    expect(sensorRow).toHaveTextContent('via sensor edge-sensor');
    expect(within(sensorRow).getByText('Waiting for first poll')).toBeVisible();

    const blockedRow = screen
      .getByText('quay.io/private/base')
      .closest('tr') as HTMLElement;
    expect(within(blockedRow).getByText('app-config')).toBeInTheDocument();
    expect(blockedRow.querySelector('pre')?.textContent).toBe(
      'baseImageTags:\n  registries:\n    - host: quay.io',
    );
  });

  it('says the last good tags are kept for a failing repository that has some', async () => {
    const withTags = repositories.map(item =>
      item.status === 'failing' ? { ...item, tagCount: 4 } : item,
    );
    await renderOverview(fakeApi(async () => withTags));

    const row = (
      await screen.findByText('localhost:5050/platform/retired-base')
    ).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent(
      'The last tags listed successfully are kept.',
    );
  });

  it('filters by status', async () => {
    await renderOverview(fakeApi(async () => repositories));
    await screen.findByText('localhost:5050/ubi8/ubi');

    await userEvent.click(screen.getByRole('button', { name: 'Failing (1)' }));
    await waitFor(() =>
      expect(repositoryColumn()).toEqual([
        'localhost:5050/platform/retired-base',
      ]),
    );
    expect(screen.getByRole('button', { name: 'Failing (1)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Healthy (1)' }));
    await waitFor(() =>
      expect(repositoryColumn()).toEqual(['localhost:5050/ubi8/ubi']),
    );

    await userEvent.click(screen.getByRole('button', { name: 'All (4)' }));
    await waitFor(() => expect(repositoryColumn()).toHaveLength(4));
  });

  it('offers no refresh when the permission is denied', async () => {
    await renderOverview(fakeApi(async () => repositories));
    await screen.findByText('localhost:5050/ubi8/ubi');
    await new Promise(resolve => setTimeout(resolve, 50));

    expect(
      screen.queryByRole('button', { name: /^Refresh / }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'Refresh' }),
    ).not.toBeInTheDocument();
  });

  it('says when there are no repositories yet', async () => {
    await renderOverview(fakeApi(async () => []));
    expect(await screen.findByText(/No repositories yet/)).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderOverview(fakeApi(() => new Promise(() => {})));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error when the backend cannot be read', async () => {
    await renderOverview(
      fakeApi(async () => {
        throw new Error('The base-image-tags backend is unavailable');
      }),
    );
    expect(
      await screen.findAllByText(/The base-image-tags backend is unavailable/),
    ).not.toHaveLength(0);
  });
});
