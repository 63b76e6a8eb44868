// Polls a condition until it holds or a deadline passes. The only way e2e code waits: no fixed sleeps.
'use strict';

/**
 * Resolves with the first truthy value `check` returns; rejects after `timeoutMs` with `what` in
 * the message, or at once when `check` throws.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{timeoutMs?: number, intervalMs?: number, what?: string}} [options]
 * @returns {Promise<T>}
 */
async function waitFor(check, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

module.exports = { waitFor };
