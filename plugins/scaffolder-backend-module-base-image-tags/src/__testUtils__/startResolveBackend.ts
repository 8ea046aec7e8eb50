import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
// The action's tests run against the real backend it calls.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import baseImageTagsPlugin from '@base-image-tags/plugin-base-image-tags-backend';
import {
  FakeRegistry,
  FakeRegistryHandler,
  pagedTagsHandler,
  startFakeRegistry,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import { scaffolderModuleBaseImageTags as scaffolderModule } from '../module';

/** The password of the fake registry; it must never reach an error. */
export const REGISTRY_PASSWORD = 'hunter2-registry-secret';
const REGISTRY_USER = 'robot';

/**
 * A fake registry whose repositories' tags tests may change, and whose
 * `team/locked` repository asks for basic credentials, then refuses them
 * while echoing them back, as a careless registry might.
 */
export async function startScriptedRegistry(
  repositories: Record<string, string[]>,
): Promise<FakeRegistry> {
  const echoing: FakeRegistryHandler = request => {
    if (!request.headers.authorization) {
      return {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="fake"' },
        body: { errors: [{ code: 'UNAUTHORIZED', message: 'log in' }] },
      };
    }
    return {
      status: 403,
      body: {
        errors: [
          {
            code: 'DENIED',
            message: `no pull access for ${request.headers.authorization} (${REGISTRY_PASSWORD})`,
          },
        ],
      },
    };
  };
  return startFakeRegistry((request, info) => {
    if (request.url.pathname.startsWith('/v2/team/locked/')) {
      return echoing(request, info);
    }
    const repository = Object.keys(repositories).find(
      name => request.url.pathname === `/v2/${name}/tags/list`,
    );
    return pagedTagsHandler({
      repository: repository ?? 'unknown',
      tags: repository ? repositories[repository] : [],
    })(request, info);
  });
}

/**
 * Starts the base-image-tags backend against the registry, with the first
 * discovery cycle run before it answers, and this package's scaffolder
 * module on top; `actions` receives what the module adds to the scaffolder.
 */
export async function startResolveBackend(options: {
  registry: FakeRegistry;
  /** Org-wide patterns. */
  patterns: string[];
  /** Patterns of one catalog component's annotation. */
  annotation: string[];
  /** More catalog entities, e.g. a template. */
  entities?: Entity[];
  /** Features besides the base-image-tags plugin and this module. */
  features?: BackendFeature[];
  /** Receives the scaffolder's actions; leave out with the real scaffolder. */
  actions?: TemplateAction<any, any, any>[];
}) {
  const entities: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payments',
        annotations: {
          'base-image-tags/patterns': options.annotation.join('\n'),
        },
      },
      spec: {},
    },
    ...(options.entities ?? []),
  ];
  const features = [
    baseImageTagsPlugin,
    scaffolderModule,
    catalogServiceMock.factory({ entities }),
    mockServices.rootConfig.factory({
      data: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        baseImageTags: {
          allowPublicRegistries: false,
          registries: [
            {
              host: options.registry.host,
              insecure: true,
              username: REGISTRY_USER,
              password: REGISTRY_PASSWORD,
            },
          ],
          patterns: options.patterns,
        },
      },
    }),
    mockServices.scheduler.factory({
      includeInitialDelayedTasksOnStartup: true,
    }),
    ...(options.features ?? []),
  ];
  const actions = options.actions;
  if (!actions) {
    return startTestBackend({ features });
  }
  return startTestBackend({
    features,
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...added: TemplateAction<any, any, any>[]) => {
            actions.push(...added);
          },
        },
      ],
    ],
  });
}
