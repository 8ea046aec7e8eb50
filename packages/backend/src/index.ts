/*
 * A lean Backstage backend: just what the base-image-tags plugins need to be
 * tried out (app, guest sign-in, catalog, permissions, scaffolder).
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@base-image-tags/plugin-scaffolder-backend-module-base-image-tags'),
);

backend.add(import('@base-image-tags/plugin-base-image-tags-backend'));

backend.start();
