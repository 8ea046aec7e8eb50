import { ConfigProblems } from '@base-image-tags/plugin-base-image-tags-node';

// A key relative to the block at the start of a message, as the registry
// client writes them: `registries[0].host must …`, `limits.maxTags: …`.
// Keys are camel case; a single word counts only before a colon, so that
// prose (`cannot read …`) and error codes (`ENOENT: …`) are not keys.
const LEADING_KEY =
  /^((?:[a-z]\w*(?:\[\d+\])*)(?:\.[A-Za-z]\w*(?:\[\d+\])*)*)(:\s*|\s+)/;

/**
 * Splits a message that opens with a key relative to `block` into the full
 * key and the rest, so that it reads like every other problem
 * (`baseImageTags.registries[0].host: must …`); other messages stay under
 * the block itself.
 *
 * @internal
 */
export function keyOfBlockMessage(
  block: string,
  message: string,
): { key: string; message: string } {
  const match = LEADING_KEY.exec(message);
  const key = match?.[1];
  const isKey =
    key !== undefined && (match![2].startsWith(':') || /[.[]/.test(key));
  if (!isKey) return { key: block, message };
  return { key: `${block}.${key}`, message: message.slice(match![0].length) };
}

/**
 * Runs a read of a whole config block by code that reports keys relative
 * to it, such as the registry client's `fromConfig`; a failure is recorded
 * under its full key, and the fallback returned.
 *
 * @internal
 */
export function readUnderBlock<T>(
  problems: ConfigProblems,
  block: string,
  read: () => T,
  fallback: T,
): T {
  try {
    return read();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const { key, message } = keyOfBlockMessage(block, text);
    problems.add(key, message);
    return fallback;
  }
}
