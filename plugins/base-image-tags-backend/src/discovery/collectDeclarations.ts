import { createHash } from 'node:crypto';
import {
  DeclaredPattern,
  DeclaredRepository,
} from '../database/BaseImageTagsStore';
import { PatternDeclaration } from './PatternSource';
import { shownPatternText } from './shownPatternText';
import { TagListerResolver } from './TagListerResolver';

/**
 * The stored id of a pattern key: fixed length, whatever the key's length.
 *
 * @public
 */
export function patternId(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

// An invalid pattern has no canonical key; its shown text (with any
// options) stands in, marked so that it can never equal a valid key.
function invalidKey(declaration: PatternDeclaration): string {
  return `invalid: ${shownPatternText(declaration.text)}`;
}

/**
 * Merges declarations from every source: one pattern per canonical key with
 * all the sources declaring it, and one repository per `registry/repository`
 * with whether it may be contacted.
 *
 * @public
 */
export async function collectDeclarations(
  declarations: PatternDeclaration[],
  resolver: TagListerResolver,
): Promise<{
  patterns: DeclaredPattern[];
  repositories: DeclaredRepository[];
}> {
  const patterns = new Map<string, DeclaredPattern>();
  const refs = new Map<string, { registry: string; repository: string }>();
  for (const declaration of declarations) {
    const { pattern } = declaration;
    const key = pattern ? pattern.key : invalidKey(declaration);
    const id = patternId(key);
    const raw = shownPatternText(declaration.text);
    const existing = patterns.get(id);
    if (existing) {
      if (!existing.sources.includes(declaration.source)) {
        existing.sources.push(declaration.source);
      }
      // The same pattern may be written differently; show one stable form.
      if (raw < existing.raw) {
        existing.raw = raw;
      }
      continue;
    }
    patterns.set(id, {
      id,
      key,
      raw,
      sources: [declaration.source],
      ...(pattern
        ? { repositoryId: pattern.repositoryRef }
        : { error: declaration.error ?? 'Invalid pattern' }),
    });
    if (pattern) {
      refs.set(pattern.repositoryRef, {
        registry: pattern.registry,
        repository: pattern.repository,
      });
    }
  }

  const repositories: DeclaredRepository[] = [];
  for (const [id, ref] of refs) {
    const resolution = await resolver.resolveTagLister(ref);
    repositories.push({
      id,
      ...ref,
      ...('notAllowedReason' in resolution
        ? { notAllowedReason: resolution.notAllowedReason }
        : {}),
    });
  }
  for (const pattern of patterns.values()) {
    pattern.sources.sort();
  }
  return { patterns: [...patterns.values()], repositories };
}
