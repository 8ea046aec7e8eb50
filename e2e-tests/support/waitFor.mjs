// Bounded polling: every wait in the end-to-end test goes through here, so
// none can hang the run, and a timeout says what was last seen.

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Calls `probe` until it returns a value other than undefined, or throws
 * after `timeoutMs` naming `what` and the last value or error seen.
 */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 500 }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  for (;;) {
    try {
      const value = await probe(observed => {
        last = observed;
      });
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() + intervalMs > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000}s waiting for ${what}; last seen: ${
          typeof last === 'string' ? last : JSON.stringify(last)
        }`,
      );
    }
    await sleep(intervalMs);
  }
}
