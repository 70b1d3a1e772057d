/*
 * When to try a Heroku request again. Heroku answers 429 when the account's request tokens run out
 * (devcenter.heroku.com/articles/platform-api-reference#rate-limits) and 5xx when it is briefly
 * unwell; both pass. 401/403/404/422 are answers about the request itself, so repeating it cannot help.
 */

/** Attempts per request, the first included: bounds the whole loop. */
export const MAX_ATTEMPTS = 5;
/** Delay before the second attempt when the server gives no Retry-After; doubled each time. */
export const BASE_DELAY_MS = 500;
/** No single wait is longer than this, whatever Retry-After says. */
export const MAX_DELAY_MS = 60_000;

/** True when a response with this status may succeed if sent again. */
export function isRetryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Milliseconds to wait after failed attempt number `attempt` (1-based): the server's Retry-After
 * (seconds, or an HTTP date, relative to `now`) when it gives one, else exponential backoff.
 * E.g. `retryDelayMs(2, null)` is 1000; `retryDelayMs(1, "3")` is 3000.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, now: number = Date.now()): number {
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_DELAY_MS);
  }
  return Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
}
