import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isBaseImageTagsAvailable } from '@base-image-tags/plugin-base-image-tags-common';

/**
 * Entity card with the newest tag of each declared base image pattern,
 * shown on entities that carry the `base-image-tags/patterns` annotation.
 *
 * @alpha
 */
export const baseImageTagsEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isBaseImageTagsAvailable,
    loader: () =>
      import('./components/EntityBaseImageTagsCard').then(m => (
        <m.EntityBaseImageTagsCard />
      )),
  },
});

/**
 * The base-image-tags frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'base-image-tags',
  extensions: [baseImageTagsEntityCard],
});
