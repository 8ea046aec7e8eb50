import {
  parseImagePattern,
  parsePatternAnnotation,
  PatternResult,
} from '@base-image-tags/plugin-base-image-tags-common';

function keyOf(pattern: string): string | undefined {
  try {
    return parseImagePattern(pattern).key;
  } catch {
    return undefined;
  }
}

/**
 * The backend's results for an entity, completed from its annotation: a
 * declared pattern the backend does not know yet (the catalog has not
 * passed it on) shows as waiting for its first poll, and a pattern that
 * does not parse shows as invalid with the parser's message.
 */
export function withDeclaredPatterns(
  results: PatternResult[],
  annotation: string,
  entityRef: string,
): PatternResult[] {
  // Not handled yet: the backend's maxPatternsPerEntity; effect: above the
  // default of 50, patterns past 50 show as an invalid cap entry here.
  const { patterns, errors } = parsePatternAnnotation(annotation);
  const known = new Set<string>();
  for (const result of results) {
    known.add(result.pattern.trim());
    const key = keyOf(result.pattern);
    if (key) known.add(key);
  }

  const rows = [...results];
  for (const pattern of patterns) {
    if (known.has(pattern.raw) || known.has(pattern.key)) continue;
    rows.push({
      pattern: pattern.raw,
      status: 'pending',
      repository: pattern.repositoryRef,
      sources: [entityRef],
      tags: [],
    });
  }
  for (const error of errors) {
    if (known.has(error.text)) continue;
    rows.push({
      pattern: error.text,
      status: 'invalid',
      error: error.message,
      sources: [entityRef],
      tags: [],
    });
  }
  return rows;
}
