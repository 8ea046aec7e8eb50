import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  baseImageTagsRefreshPermission,
  imageReference,
  NewestTagResponse,
  RefreshResponse,
} from '@base-image-tags/plugin-base-image-tags-common';
import express from 'express';
import Router from 'express-promise-router';
import { BaseImageTagsStore } from '../database/BaseImageTagsStore';
import { entitySource, findPattern, refreshTargets } from './lookups';
import { loadPatternResults, loadRepositoryHealth } from './patternResults';

/**
 * What the API needs.
 *
 * @public
 */
export interface RouterOptions {
  store: BaseImageTagsStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** Starts a discovery cycle soon, e.g. by triggering the scheduled task. */
  triggerDiscovery: () => Promise<void>;
  clock?: () => Date;
}

/**
 * Creates the plugin's HTTP API, served under `/api/base-image-tags`; the
 * routes and JSON shapes are those of `ListResponse` in the common package.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, permissions, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Everything else needs an authenticated user or service.
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.get('/entities/:kind/:namespace/:name/patterns', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const source = entitySource(kind, namespace, name);
    res.json({ items: await loadPatternResults(store, { source }) });
  });

  router.get('/patterns', async (_req, res) => {
    res.json({ items: await loadPatternResults(store) });
  });

  router.get('/repositories', async (_req, res) => {
    res.json({ items: await loadRepositoryHealth(store) });
  });

  router.get('/newest', async (req, res) => {
    const pattern = await findPattern(store, req.query.pattern);
    const [result] = await loadPatternResults(store, { ids: [pattern.id] });
    if (!result?.newestTag || !pattern.repositoryId) {
      throw new NotFoundError(
        `No tags stored for "${pattern.raw}" yet (status ${result?.status}` +
          `${result?.error ? `: ${result.error}` : ''})`,
      );
    }
    const response: NewestTagResponse = {
      pattern: pattern.raw,
      tag: result.newestTag,
      image: imageReference(
        { repositoryRef: pattern.repositoryId },
        result.newestTag,
      ),
      tags: result.tags.map(tag => tag.tag),
    };
    res.json(response);
  });

  router.post('/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: baseImageTagsRefreshPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Refreshing needs the ${baseImageTagsRefreshPermission.name} permission`,
      );
    }
    const ids = await refreshTargets(store, req.body);
    const requestedAt = clock();
    const repositories = await store.requestRefresh(ids, requestedAt);
    if (repositories.length === 0) {
      throw new InputError(
        `Nothing to refresh: ${ids.join(', ')} may not be contacted; ` +
          'see the registry-not-allowed error for the key to change',
      );
    }
    await options.triggerDiscovery().catch(error =>
      // A running cycle or the next wake picks the request up.
      logger.debug(`Discovery not triggered now: ${error}`),
    );
    const response: RefreshResponse = {
      repositories,
      requestedAt: requestedAt.toISOString(),
    };
    res.status(202).json(response);
  });

  return router;
}
