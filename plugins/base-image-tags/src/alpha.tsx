import { Content } from '@backstage/core-components';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isBaseImageTagsAvailable } from '@base-image-tags/plugin-base-image-tags-common';
import LayersIcon from '@material-ui/icons/Layers';
import { BaseImageTagsClient, baseImageTagsApiRef } from './api';
import { rootRouteRef } from './routes';

const TITLE = 'Base image tags';
const rootRoute = convertLegacyRouteRef(rootRouteRef);

/**
 * The {@link BaseImageTagsApi} over the backend's HTTP API.
 *
 * @alpha
 */
export const baseImageTagsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: baseImageTagsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new BaseImageTagsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * Entity card with the newest tag of each declared base image pattern,
 * shown on entities that carry the `base-image-tags/patterns` annotation.
 *
 * @alpha
 */
// Not handled yet: the card's refreshWatch options cannot be set in app-config; effect: the defaults (2 s, 90 s) apply.
export const baseImageTagsEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isBaseImageTagsAvailable,
    loader: () =>
      import('./components/EntityBaseImageTagsCard').then(m =>
        compatWrapper(<m.EntityBaseImageTagsCard />),
      ),
  },
});

/**
 * Entity page tab, at `base-image-tags`, with every stored tag of each
 * declared pattern.
 *
 * @alpha
 */
export const baseImageTagsEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'base-image-tags',
    title: TITLE,
    filter: isBaseImageTagsAvailable,
    loader: () =>
      import('./components/EntityBaseImageTagsContent').then(m =>
        compatWrapper(<m.EntityBaseImageTagsContent />),
      ),
  },
});

/**
 * The overview page of every repository and its health, at
 * `/base-image-tags`, with an item in the app's navigation.
 *
 * @alpha
 */
export const baseImageTagsPage = PageBlueprint.make({
  params: {
    path: '/base-image-tags',
    title: TITLE,
    icon: <LayersIcon />,
    routeRef: rootRoute,
    loader: () =>
      import('./components/BaseImageTagsOverview').then(m =>
        compatWrapper(
          <Content>
            <m.BaseImageTagsOverview />
          </Content>,
        ),
      ),
  },
});

/**
 * The base-image-tags frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'base-image-tags',
  title: TITLE,
  icon: <LayersIcon />,
  routes: { root: rootRoute },
  extensions: [
    baseImageTagsApi,
    baseImageTagsEntityCard,
    baseImageTagsEntityContent,
    baseImageTagsPage,
  ],
});
