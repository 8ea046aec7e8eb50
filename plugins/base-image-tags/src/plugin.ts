import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { BaseImageTagsClient, baseImageTagsApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The base-image-tags frontend plugin, for apps on the legacy frontend
 * system. Apps on the new frontend system install the default export of
 * `@base-image-tags/plugin-base-image-tags/alpha` instead.
 *
 * @public
 */
export const baseImageTagsPlugin = createPlugin({
  id: 'base-image-tags',
  apis: [
    createApiFactory({
      api: baseImageTagsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BaseImageTagsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * Entity card with the newest tag of each declared base image pattern.
 *
 * @public
 */
export const EntityBaseImageTagsCard = baseImageTagsPlugin.provide(
  createComponentExtension({
    name: 'EntityBaseImageTagsCard',
    component: {
      lazy: () =>
        import('./components/EntityBaseImageTagsCard').then(
          m => m.EntityBaseImageTagsCard,
        ),
    },
  }),
);

/**
 * Entity page tab with every stored tag of each declared pattern.
 *
 * @public
 */
export const EntityBaseImageTagsContent = baseImageTagsPlugin.provide(
  createComponentExtension({
    name: 'EntityBaseImageTagsContent',
    component: {
      lazy: () =>
        import('./components/EntityBaseImageTagsContent').then(
          m => m.EntityBaseImageTagsContent,
        ),
    },
  }),
);

/**
 * The overview page of every repository and its health, mounted on the
 * plugin's root route.
 *
 * @public
 */
export const BaseImageTagsPage = baseImageTagsPlugin.provide(
  createRoutableExtension({
    name: 'BaseImageTagsPage',
    component: () =>
      import('./components/BaseImageTagsOverview').then(
        m => m.BaseImageTagsPage,
      ),
    mountPoint: rootRouteRef,
  }),
);
