import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the overview page of every repository and its health.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'base-image-tags' });
