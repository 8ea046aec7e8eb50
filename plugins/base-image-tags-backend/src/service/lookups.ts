import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  parseImagePattern,
  RefreshRequest,
} from '@base-image-tags/plugin-base-image-tags-common';
import {
  BaseImageTagsStore,
  PatternRecord,
} from '../database/BaseImageTagsStore';
import { patternId } from '../discovery/collectDeclarations';
import { shownPatternText } from '../discovery/shownPatternText';
import { newestNotFound, newestNotFoundCodes } from './newestErrors';

const validator = makeValidator();
// The shape of a stored repository id; its column holds 700 characters.
const storedRepositoryId = /^[\x21-\x7e]{1,700}$/;
const declareHint =
  'declare it in the base-image-tags/patterns annotation of an entity ' +
  'or in baseImageTags.patterns';

/**
 * Validates the parts of an entity ref and returns its stored form.
 *
 * @internal
 */
export function entitySource(kind: string, namespace: string, name: string) {
  if (
    !validator.isValidKind(kind) ||
    !validator.isValidNamespace(namespace) ||
    !validator.isValidEntityName(name)
  ) {
    throw new InputError(
      `Malformed entity ref "${kind}:${namespace}/${name}"; expected e.g. ` +
        'component:default/payments',
    );
  }
  return stringifyEntityRef({ kind, namespace, name }).toLocaleLowerCase(
    'en-US',
  );
}

/**
 * The stored form of a full entity ref such as `component:default/x`.
 *
 * @internal
 */
export function entitySourceFromRef(ref: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(ref);
  } catch (error) {
    throw new InputError(
      `Malformed entity ref "${ref.slice(0, 200)}": ${
        (error as Error).message
      }`,
    );
  }
  return entitySource(parsed.kind, parsed.namespace, parsed.name);
}

/**
 * Finds a declared pattern by its text, written in any equivalent form
 * (`alpine:3.*` finds `docker.io/library/alpine:3.*`).
 *
 * @internal
 */
export async function findPattern(
  store: BaseImageTagsStore,
  text: unknown,
): Promise<PatternRecord> {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError('Give the pattern, e.g. ?pattern=alpine:3.19.*');
  }
  const { key } = parseImagePattern(text);
  const [pattern] = await store.listPatterns({ ids: [patternId(key)] });
  if (!pattern) {
    throw newestNotFound(
      newestNotFoundCodes.notDeclared,
      `Pattern "${key}" is not declared; ${declareHint}`,
    );
  }
  return pattern;
}

// `registry/repository` as stored, when the text names a repository at
// all; parsed as a pattern's repository, so that `alpine` is Docker Hub's.
function storedRepositoryForm(text: string): string | undefined {
  try {
    return parseImagePattern(`${text}:*`).repositoryRef;
  } catch {
    return undefined;
  }
}

/**
 * Why a refresh names an unknown repository: a format hint, with the
 * stored form when there is one, for text not written as
 * `registry/repository`; otherwise that no declared pattern uses it.
 *
 * @internal
 */
export function unusedRepositoryMessage(value: string): string {
  const text = value.trim();
  const quoted = `"${shownPatternText(text.slice(0, 200))}"`;
  const stored = storedRepositoryForm(text);
  if (stored === text) {
    return (
      `No declared pattern uses repository ${quoted}; ` +
      'GET /repositories lists the repositories that are polled'
    );
  }
  const example = stored ?? 'e.g. docker.io/library/alpine';
  return `Repository ${quoted} is not written as registry/repository; write it as ${example}`;
}

/**
 * The repositories a refresh request names, checked: exactly one of
 * `entityRef`, `pattern` or `repository`, and known.
 *
 * @internal
 */
export async function refreshTargets(
  store: BaseImageTagsStore,
  body: unknown,
): Promise<string[]> {
  const request = (body ?? {}) as RefreshRequest;
  const given = (['entityRef', 'pattern', 'repository'] as const).filter(
    field => request[field] !== undefined,
  );
  if (typeof body !== 'object' || body === null || given.length !== 1) {
    throw new InputError(
      'Give exactly one of entityRef, pattern or repository in the JSON body',
    );
  }
  const value = request[given[0]];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${given[0]} must be a non-empty string`);
  }
  if (given[0] === 'repository') {
    // Stored ids are printable ASCII of bounded length; other text is not
    // sent to the database, which may refuse it (PostgreSQL rejects NUL).
    const [repository] = storedRepositoryId.test(value.trim())
      ? await store.listRepositories([value.trim()])
      : [];
    if (!repository) {
      throw new NotFoundError(unusedRepositoryMessage(value));
    }
    return [repository.id];
  }
  const patterns =
    given[0] === 'pattern'
      ? [await findPattern(store, value)]
      : await store.listPatterns({ source: entitySourceFromRef(value) });
  if (patterns.length === 0) {
    throw new NotFoundError(
      `Entity "${value.slice(0, 200)}" declares no stored patterns; the ` +
        'catalog is read at every discovery cycle',
    );
  }
  const ids = [...new Set(patterns.flatMap(p => p.repositoryId ?? []))];
  if (ids.length === 0) {
    throw new InputError(
      `${given[0]} "${value.slice(0, 200)}" has only invalid patterns; ` +
        'fix them first',
    );
  }
  return ids;
}
