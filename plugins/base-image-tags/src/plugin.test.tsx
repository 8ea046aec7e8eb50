import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { baseImageTagsApiRef } from './api';
import {
  baseImageTagsPlugin,
  EntityBaseImageTagsCard,
  EntityBaseImageTagsContent,
} from './plugin';
import { entityWith, healthy } from './testing/fixtures';
import { fakeBaseImageTagsApi } from './testing/fakeApi';
import { permissionPair } from './testing/permissions';

const fakeApi = fakeBaseImageTagsApi({
  getEntityPatterns: async () => [healthy],
});

describe('base-image-tags plugin for the legacy frontend system', () => {
  it('provides the API and the overview route', () => {
    expect(baseImageTagsPlugin.getId()).toBe('base-image-tags');
    expect(
      [...baseImageTagsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([baseImageTagsApiRef.id]);
    expect(baseImageTagsPlugin.routes.root).toBeDefined();
  });

  it('renders the card and the tab from their component extensions', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[[baseImageTagsApiRef, fakeApi], permissionPair(false)]}
      >
        <EntityProvider entity={entityWith(healthy.pattern)}>
          <EntityBaseImageTagsCard />
          <EntityBaseImageTagsContent />
        </EntityProvider>
      </TestApiProvider>,
    );

    expect(await screen.findByLabelText('Newest image')).toHaveTextContent(
      healthy.newestImage!,
    );
    expect(
      await screen.findByRole('heading', {
        name: `${healthy.pattern} Healthy`,
        level: 2,
      }),
    ).toBeInTheDocument();
  });
});
