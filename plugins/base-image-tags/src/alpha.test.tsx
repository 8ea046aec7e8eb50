import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import plugin, {
  baseImageTagsEntityCard,
  baseImageTagsEntityContent,
  baseImageTagsPage,
} from './alpha';
import { baseImageTagsApiRef } from './api';
import { entityWith, repositories } from './testing/fixtures';
import { fakeBaseImageTagsApi } from './testing/fakeApi';
import { permissionPair } from './testing/permissions';

jest.setTimeout(20_000);

const fakeApi = fakeBaseImageTagsApi({
  getEntityPatterns: async () => [],
  getPatterns: async () => [],
  getRepositories: async () => repositories,
});

describe('base-image-tags plugin for the new frontend system', () => {
  it('installs the API, the entity card, the entity tab and the page', () => {
    expect(plugin.id).toBe('base-image-tags');
    expect(plugin.getExtension('api:base-image-tags')).toMatchObject({
      kind: 'api',
    });
    expect(plugin.getExtension('entity-card:base-image-tags')).toMatchObject({
      kind: 'entity-card',
    });
    expect(plugin.getExtension('entity-content:base-image-tags')).toMatchObject(
      { kind: 'entity-content' },
    );
    expect(plugin.getExtension('page:base-image-tags')).toMatchObject({
      kind: 'page',
    });
  });

  it('shows the entity card only on entities that declare patterns', () => {
    const tester = createExtensionTester(baseImageTagsEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(coreExtensionData.reactElement)).toBeDefined();
    expect(filter(entityWith('alpine:3.19.*'))).toBe(true);
    expect(filter(entityWith(undefined))).toBe(false);
    expect(filter(entityWith('   '))).toBe(false);
  });

  it('adds the entity tab at base-image-tags on entities that declare patterns', () => {
    const tester = createExtensionTester(baseImageTagsEntityContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

    expect(tester.get(coreExtensionData.routePath)).toBe('base-image-tags');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Base image tags',
    );
    expect(filter(entityWith('alpine:3.19.*'))).toBe(true);
    expect(filter(entityWith(undefined))).toBe(false);
  });

  it('adds the overview page at /base-image-tags with a title and icon for the navigation', () => {
    const tester = createExtensionTester(baseImageTagsPage);

    expect(tester.get(coreExtensionData.routePath)).toBe('/base-image-tags');
    expect(tester.get(coreExtensionData.title)).toBe('Base image tags');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('renders the overview page at /base-image-tags in an app', async () => {
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/base-image-tags'],
      apis: [[baseImageTagsApiRef, fakeApi], permissionPair(false)],
      // The page links to entities on the catalog's entity route.
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
    });

    expect(
      await screen.findByText('localhost:5050/platform/retired-base'),
    ).toBeInTheDocument();
    expect(fakeApi.getRepositories).toHaveBeenCalled();
  });
});
