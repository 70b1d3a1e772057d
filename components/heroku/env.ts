/*
 * Where the Heroku services are, read from the environment at call time so tests can point the
 * providers at a local server. The names follow `HEROKU_API_KEY`, which the Heroku CLI reads.
 */

/** Base URL of the Platform API: `HEROKU_API_URL`, default https://api.heroku.com. */
export function herokuApiUrl(): string {
  return (process.env.HEROKU_API_URL ?? "https://api.heroku.com").replace(/\/+$/, "");
}

/** Base URL of the container registry: `HEROKU_REGISTRY_URL`, default https://registry.heroku.com. */
export function herokuRegistryUrl(): string {
  return (process.env.HEROKU_REGISTRY_URL ?? "https://registry.heroku.com").replace(/\/+$/, "");
}
