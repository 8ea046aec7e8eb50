import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';
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
