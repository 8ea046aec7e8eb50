import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BaseImageTagsApi, baseImageTagsApiRef } from '../../api';
import { entityWith, failing, healthy } from '../../testing/fixtures';
import { fakeBaseImageTagsApi } from '../../testing/fakeApi';
import { permissionPair } from '../../testing/permissions';
import { EntityBaseImageTagsContent } from './EntityBaseImageTagsContent';

const fakeApi = (getEntityPatterns: BaseImageTagsApi['getEntityPatterns']) =>
  fakeBaseImageTagsApi({ getEntityPatterns });

function renderContent(annotation: string | undefined, api: BaseImageTagsApi) {
  return renderInTestApp(
    <EntityProvider entity={entityWith(annotation)}>
      <EntityBaseImageTagsContent />
    </EntityProvider>,
    { apis: [[baseImageTagsApiRef, api], permissionPair(false)] },
  );
}

const annotation = `${healthy.pattern}\n${failing.pattern}`;

// The table's heading holds the pattern, then its health.
const headingOf = (pattern: string) =>
  screen.findByRole('heading', {
    name: name => name.startsWith(`${pattern} `),
  });

function tagColumn(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[1].textContent ?? '');
}

// The table is slow to render in jsdom.
jest.setTimeout(20_000);

describe('EntityBaseImageTagsContent', () => {
  it('lists every stored tag of each pattern, newest first, with copy buttons', async () => {
    await renderContent(
      annotation,
      fakeApi(async () => [healthy, failing]),
    );

    const heading = await headingOf(healthy.pattern);
    const table = heading.closest('.MuiPaper-root') as HTMLElement;
    expect(tagColumn(table)).toEqual(healthy.tags.map(tag => tag.tag));
    expect(
      within(table).getByRole('button', {
        name: 'Copy localhost:5050/ubi8/ubi:8.10-1088',
      }),
    ).toBeInTheDocument();

    // The failing pattern has no tags and says why.
    const failingTable = (await headingOf(failing.pattern)).closest(
      '.MuiPaper-root',
    ) as HTMLElement;
    expect(failingTable).toHaveTextContent('No tags stored for this pattern.');
    expect(failingTable).toHaveTextContent(failing.error!);
    expect(failingTable).not.toHaveTextContent('are kept');
  });

  it('says how many tags match and how many are kept, as the card does', async () => {
    await renderContent(
      healthy.pattern,
      fakeApi(async () => [
        { ...healthy, counts: { ...healthy.counts!, matched: 540, kept: 100 } },
      ]),
    );

    const heading = await headingOf(healthy.pattern);
    const table = heading.closest('.MuiPaper-root') as HTMLElement;
    expect(table).toHaveTextContent('540 tags match · 100 kept');
  });

  it('searches the tags of a pattern', async () => {
    await renderContent(
      healthy.pattern,
      fakeApi(async () => [healthy]),
    );

    const heading = await headingOf(healthy.pattern);
    const table = heading.closest('.MuiPaper-root') as HTMLElement;
    await userEvent.type(within(table).getByPlaceholderText('Filter'), '1088');

    await waitFor(() =>
      expect(tagColumn(table)).toEqual(['8.10-1088.1696512345', '8.10-1088']),
    );
  });

  it('sorts the tags by version when sorting by tag', async () => {
    await renderContent(
      healthy.pattern,
      fakeApi(async () => [healthy]),
    );

    const heading = await headingOf(healthy.pattern);
    const table = heading.closest('.MuiPaper-root') as HTMLElement;
    await userEvent.click(within(table).getByText('Tag'));

    await waitFor(() =>
      expect(tagColumn(table)).toEqual([
        '8.10',
        '8.10-896',
        '8.10-1020',
        '8.10-1088',
        '8.10-1088.1696512345',
      ]),
    );
  });

  it('explains how to declare patterns on an entity without the annotation', async () => {
    const api = fakeApi(async () => []);
    await renderContent(undefined, api);

    expect(
      await screen.findByText(/This entity declares no base image patterns/),
    ).toBeInTheDocument();
    expect(api.getEntityPatterns).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderContent(
      healthy.pattern,
      fakeApi(() => new Promise(() => {})),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error when the backend cannot be read', async () => {
    await renderContent(
      healthy.pattern,
      fakeApi(async () => {
        throw new Error('The base-image-tags backend is unavailable');
      }),
    );
    expect(
      await screen.findAllByText(/The base-image-tags backend is unavailable/),
    ).not.toHaveLength(0);
  });
});
