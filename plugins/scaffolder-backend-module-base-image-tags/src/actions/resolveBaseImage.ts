import { InputError, isError } from '@backstage/errors';
import {
  imageReference,
  ImagePattern,
  parseImagePattern,
} from '@base-image-tags/plugin-base-image-tags-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { NewestTagSource } from '../client/NewestTagSource';
import { isLookupErrorName, oneLineError } from '../client/oneLineError';
import { resolveBaseImageExamples } from './resolveBaseImage.examples';

/**
 * The id of the action.
 *
 * @public
 */
export const RESOLVE_BASE_IMAGE_ACTION_ID = 'base-image-tags:resolve';

// Codes of the backend's 404 answers that listing now would avoid.
const LIVE_WOULD_HELP = new Set(['PATTERN_NOT_DECLARED', 'PATTERN_NOT_POLLED']);

function parsePattern(text: string): ImagePattern {
  try {
    return parseImagePattern(text);
  } catch (error) {
    if (error instanceof InputError) {
      throw oneLineError('InputError', error.message);
    }
    throw error;
  }
}

// Adds what the template author can do in the template to a lookup error,
// and keeps every error to one line without a stack trace.
function forAuthor(error: unknown, live: boolean): unknown {
  if (!isError(error) || error.name === 'AbortError') {
    return error;
  }
  const code = (error as { code?: unknown }).code;
  if (!live && typeof code === 'string' && LIVE_WOULD_HELP.has(code)) {
    return oneLineError(
      'NotFoundError',
      `${error.message}; or set live: true on this step to list the ` +
        'registry now',
      code,
    );
  }
  if (isLookupErrorName(error.name)) {
    return oneLineError(error.name, error.message, code as string | undefined);
  }
  return oneLineError(
    'ServiceUnavailableError',
    `Resolving the base image failed unexpectedly (${error.name}: ` +
      `${error.message})`,
  );
}

/**
 * Creates the `base-image-tags:resolve` action: resolves a base image
 * pattern to its newest tag (or the tag at `index`), from the tags the
 * backend stored or, with `live: true`, from a listing made now through the
 * backend's allow-list, credentials and delegation rules.
 *
 * @public
 */
export function createResolveBaseImageAction(options: {
  source: NewestTagSource;
}) {
  return createTemplateAction({
    id: RESOLVE_BASE_IMAGE_ACTION_ID,
    description:
      'Resolves a base image pattern, such as ' +
      '"registry.access.redhat.com/ubi9/ubi-minimal:9.*", to its newest ' +
      'tag and full image reference',
    examples: resolveBaseImageExamples,
    // Read-only: neither mode stores anything.
    supportsDryRun: true,
    schema: {
      input: {
        pattern: z =>
          z
            .string()
            .min(1)
            .describe(
              'One base image pattern, as in the base-image-tags/patterns ' +
                'annotation: [registry/]repository:tag-glob, optionally ' +
                'followed by !exclusions and range="..."',
            ),
        index: z =>
          z
            .number()
            .int()
            .min(0)
            .optional()
            .describe(
              'Which ranked tag to take: 0 (the default) is the newest, ' +
                '1 the one before it',
            ),
        live: z =>
          z
            .boolean()
            .optional()
            .describe(
              'List the registry now instead of reading the tags the ' +
                'backend stored; the pattern then need not be declared',
            ),
      },
      output: {
        tag: z => z.string().describe('The resolved tag, e.g. 9.5-1736404155'),
        image: z =>
          z
            .string()
            .describe(
              'The full image reference, registry/repository:tag, for a ' +
                'FROM line',
            ),
        tags: z =>
          z
            .array(z.string())
            .describe('The ranked tags, newest first, as many as are kept'),
      },
    },
    async handler(ctx) {
      const live = ctx.input.live ?? false;
      const index = ctx.input.index ?? 0;
      const pattern = parsePattern(ctx.input.pattern);
      if (!Number.isInteger(index) || index < 0) {
        throw oneLineError(
          'InputError',
          `index must be a whole number of 0 or more (0 = newest), got ${index}`,
        );
      }
      let tags: string[];
      try {
        ({ tags } = await options.source.getNewest(
          { pattern: pattern.key, live },
          { signal: ctx.signal },
        ));
      } catch (error) {
        throw forAuthor(error, live);
      }
      if (tags.length === 0) {
        throw oneLineError('NotFoundError', `No tag matches "${pattern.key}"`);
      }
      const tag = tags[index];
      if (tag === undefined) {
        throw oneLineError(
          'InputError',
          `index ${index} is out of range: "${pattern.raw}" has ` +
            `${tags.length} ranked tag${tags.length === 1 ? '' : 's'}, so ` +
            `index goes from 0 (newest) to ${tags.length - 1}`,
        );
      }
      const image = imageReference(pattern, tag);
      ctx.logger.info(
        `Resolved "${pattern.raw}" to ${image} (${
          index === 0 ? 'newest' : `rank ${index}`
        } of ${tags.length}, ${live ? 'listed now' : 'stored'})`,
      );
      ctx.output('tag', tag);
      ctx.output('image', image);
      ctx.output('tags', tags);
    },
  });
}
