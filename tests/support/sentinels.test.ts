import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertSentinelsOnlyIn, sentinelSecret, sentinelsIn } from "./sentinels";
import { StackUnderTest, type RecordedResource } from "./stack";

const { secret, sentinels } = sentinelSecret({ common: ["SENTRY_DSN"], "tokens/api": ["DATABASE_URL"] });
const DSN = secret.common!.SENTRY_DSN!;
const DB = secret["tokens/api"]!.DATABASE_URL!;

function resource(name: string, inputs: Record<string, unknown>, secretPaths: string[] = []): RecordedResource {
  const type = "pulumi-nodejs:dynamic/heroku:ConfigVars";
  return { type, name, key: `${type}::${name}`, custom: true, inputs, secretPaths, protect: false, dependsOn: [] };
}

function stack(resources: RecordedResource[], outputs: Record<string, unknown> = {}): StackUnderTest {
  return new StackUnderTest({ stack: "testing", resources, outputs });
}

const KEY = "pulumi-nodejs:dynamic/heroku:ConfigVars::tokens-api";

describe("sentinelSecret", () => {
  it("makes one distinct, greppable value per section and key", () => {
    assert.deepEqual(Object.keys(sentinels), ["common:SENTRY_DSN", "tokens/api:DATABASE_URL"]);
    assert.match(DB, /^SENTINEL-tokens_api-DATABASE_URL-[0-9a-f]{12}$/);
    assert.notEqual(DB.slice(-12), sentinelSecret({ common: ["X"] }).sentinels["common:X"]!.slice(-12));
  });
});

describe("assertSentinelsOnlyIn", () => {
  it("passes when every sentinel is at an allowed, secret input and every allowed place got its own", () => {
    const s = stack([resource("tokens-api", { vars: { SENTRY_DSN: DSN, DATABASE_URL: `postgres://${DB}`, APP_CHANNEL: "testing" } }, ["vars.SENTRY_DSN", "vars"])]);
    assertSentinelsOnlyIn(s, sentinels, [
      { resource: KEY, path: "vars.SENTRY_DSN", sentinel: "common:SENTRY_DSN" },
      { resource: KEY, path: "vars.DATABASE_URL", sentinel: "tokens/api:DATABASE_URL" },
    ]);
  });

  it("lists every stray, plain, serialized, keyed, output or missing sentinel", () => {
    const s = stack(
      [
        resource("tokens-api", { vars: { SENTRY_DSN: DSN, DATABASE_URL: "elsewhere" }, __provider: `exports.handler = () => "${DB}"` }),
        resource("mapper-api", { vars: { [DB]: "x" }, list: ["a", DSN] }, ["vars", "list"]),
      ],
      { url: `https://${DSN}` },
    );
    const allowed = [
      { resource: KEY, path: "vars.SENTRY_DSN", sentinel: "common:SENTRY_DSN" },
      { resource: KEY, path: "vars.DATABASE_URL", sentinel: "tokens/api:DATABASE_URL" },
    ];
    const M = "pulumi-nodejs:dynamic/heroku:ConfigVars::mapper-api";
    assert.throws(() => assertSentinelsOnlyIn(s, sentinels, allowed), (err: assert.AssertionError) => {
      assert.deepEqual(err.actual, [
        `common:SENTRY_DSN at ${KEY} input \`vars.SENTRY_DSN\`: allowed, but the input is not a secret`,
        `tokens/api:DATABASE_URL at ${KEY} input \`__provider\`: in a dynamic provider's serialized code, which state keeps in clear`,
        `tokens/api:DATABASE_URL at ${M} input \`vars.${DB} (the key)\`: not an allowed place`,
        `common:SENTRY_DSN at ${M} input \`list.1\`: not an allowed place`,
        "common:SENTRY_DSN at (stack outputs) input `url`: stack outputs never carry secret values",
        `tokens/api:DATABASE_URL at ${KEY} input \`vars.DATABASE_URL\`: expected, but the sentinel is not there`,
      ]);
      return true;
    });
  });
});

describe("sentinelsIn", () => {
  it("finds a sentinel as it is, or base64-encoded at any offset, standard or URL-safe, and nothing else", () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64");
    const table: Array<[string, string[]]> = [
      [`x${DSN}y`, ["common:SENTRY_DSN"]],
      [`Basic ${b64(`_:${DSN}`)}`, ["common:SENTRY_DSN"]],
      [`{"auths":{"docker.io":{"auth":"${b64(`user:${DB}`)}"}}}`, ["tokens/api:DATABASE_URL"]],
      [b64(`ab${DB}`).replace(/\+/g, "-").replace(/\//g, "_"), ["tokens/api:DATABASE_URL"]],
      [b64(`${DSN}`), ["common:SENTRY_DSN"]],
      [b64(`${DSN.slice(0, -1)}`), []],
      ["SENTINEL-common-SENTRY_DSN", []],
    ];
    for (const [text, expected] of table) assert.deepEqual(sentinelsIn(text, sentinels), expected, text);
  });

  it("lets a short or common value match only itself, never through a near-empty encoded form", () => {
    const short = { "common:DEBUG": "true", "common:WORKERS": "1" };
    assert.deepEqual(sentinelsIn("no such value here", short), []);
    assert.deepEqual(sentinelsIn("workers: 1", short), ["common:WORKERS"]);
  });
});
