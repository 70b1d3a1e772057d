import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RecordedResource } from "../../synth/evaluate";
import { isSecretMarker, present } from "../../synth/present";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function recorded(overrides: Partial<RecordedResource>): RecordedResource {
  return { type: "pulumi-nodejs:dynamic/heroku:ConfigVars", name: "tokens-api", key: "", custom: true, inputs: {}, secretPaths: [], protect: false, dependsOn: [], ...overrides };
}

const configVars = recorded({
  parent: "releng-infra:heroku:App::tokens-api",
  protect: true,
  inputs: {
    app: "releng-staging-tokens",
    vars: { APP_CHANNEL: "staging", DATABASE_URL: "postgres://placeholder-db", "SENTRY.DSN": "placeholder-dsn" },
    origins: [{ id: "s3", secretHeader: "placeholder-header" }, { id: "other", secretHeader: "plain" }],
    __provider: "exports.handler = __f0; /* serialized code */",
    webUrl: UNKNOWN,
    cname: `${UNKNOWN}.herokudns.com`,
  },
  secretPaths: ["vars.DATABASE_URL", "vars.SENTRY.DSN", "origins.0.secretHeader"],
});

describe("present", () => {
  it("keeps type, name, parent and protect, masks secret inputs and unknowns, and drops provider code", () => {
    assert.deepEqual(present({ stack: "staging", resources: [configVars, recorded({ type: "pulumi:pulumi:Stack", name: "releng-infra-staging", custom: false })], outputs: {} }, { unknown: UNKNOWN }), {
      stack: "staging",
      resources: [
        {
          type: "pulumi-nodejs:dynamic/heroku:ConfigVars",
          name: "tokens-api",
          parent: "releng-infra:heroku:App::tokens-api",
          protect: true,
          inputs: {
            app: "releng-staging-tokens",
            vars: { APP_CHANNEL: "staging", DATABASE_URL: "[secret]", "SENTRY.DSN": "[secret]" },
            origins: [{ id: "s3", secretHeader: "[secret]" }, { id: "other", secretHeader: "plain" }],
            webUrl: "[unknown]",
            cname: "[unknown].herokudns.com",
          },
        },
        { type: "pulumi:pulumi:Stack", name: "releng-infra-staging", parent: null, protect: false, inputs: {} },
      ],
    });
  });

  it("masks a whole secret object, not only its leaves", () => {
    const r = recorded({ inputs: { vars: { A: "placeholder-a", B: "placeholder-b" } }, secretPaths: ["vars"] });
    assert.deepEqual(present({ stack: "s", resources: [r], outputs: {} }, { unknown: UNKNOWN }).resources[0]?.inputs, { vars: "[secret]" });
  });

  it("keeps the provider code when asked, so tests can search it for secrets", () => {
    const doc = present({ stack: "staging", resources: [configVars], outputs: {} }, { unknown: UNKNOWN, keepProviderCode: true });
    assert.equal(doc.resources[0]?.inputs.__provider, "exports.handler = __f0; /* serialized code */");
  });

  it("fingerprints secrets per key: equal values match, changed values differ, and the value never shows", () => {
    const withValue = (value: string) => recorded({ inputs: { vars: { DATABASE_URL: value } }, secretPaths: ["vars.DATABASE_URL"] });
    const shown = (value: string, key: string) =>
      (present({ stack: "s", resources: [withValue(value)], outputs: {} }, { unknown: UNKNOWN, fingerprintKey: key }).resources[0]?.inputs.vars as Record<string, string>).DATABASE_URL!;
    const a = shown("postgres://one", "k1");
    assert.match(a, /^\[secret:[0-9a-f]{16}\]$/);
    assert.ok(isSecretMarker(a));
    assert.equal(shown("postgres://one", "k1"), a);
    assert.notEqual(shown("postgres://two", "k1"), a);
    assert.notEqual(shown("postgres://one", "k2"), a, "another run's key gives another fingerprint");
    assert.ok(!a.includes("postgres"));
  });
});

describe("isSecretMarker", () => {
  const cases: [unknown, boolean][] = [
    ["[secret]", true],
    ["[secret:0123456789abcdef]", true],
    ["[secret:short]", false],
    ["[unknown]", false],
    ["secret", false],
    [null, false],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(isSecretMarker(value), expected));
  }
});
