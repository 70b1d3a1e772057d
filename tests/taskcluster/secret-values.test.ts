import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStackConfig } from "../../config";
import { asString, isPlaceholder, missingKeys, placeholder, projectValues, shapeProblems } from "../../components/taskcluster/secretValues";

const config = parseStackConfig("testing", "Pulumi.testing.yaml", {
  taskcluster: { rootUrl: "https://tc.example.com" },
  aws: { zones: { "testing.mozilla-releng.net": {} } },
  herokuDefaults: { secrets: ["SENTRY_DSN"] },
  projects: {
    "tokens/api": { heroku: { app: "releng-testing-tokens", secrets: ["DATABASE_URL", "AUTH_CLIENT_ID"] } },
    "mapper/api": { heroku: { app: "releng-testing-mapper", secrets: ["DATABASE_URL"] } },
    docs: { frontend: { bucket: "releng-testing-docs", domains: ["docs.testing.mozilla-releng.net"] } },
  },
});

describe("projectValues", () => {
  it("overlays common by the project's own section, leaving other sections out", () => {
    const secret = { common: { SENTRY_DSN: "c-dsn", DATABASE_URL: "c-db" }, "tokens/api": { DATABASE_URL: "t-db" }, "mapper/api": { X: "m" } };
    assert.deepEqual(projectValues(secret, "tokens/api"), { SENTRY_DSN: "c-dsn", DATABASE_URL: "t-db" });
    assert.deepEqual(projectValues(secret, "docs"), { SENTRY_DSN: "c-dsn", DATABASE_URL: "c-db" });
    assert.deepEqual(projectValues({}, "docs"), {});
  });
});

describe("missingKeys", () => {
  it("lists every declared key absent from common and the project's section, with the field declaring it", () => {
    const secret = { common: { AUTH_CLIENT_ID: "x" }, "mapper/api": { DATABASE_URL: "y", SENTRY_DSN: "z" } };
    assert.deepEqual(missingKeys(secret, config), [
      { project: "tokens/api", key: "SENTRY_DSN", field: "herokuDefaults.secrets" },
      { project: "tokens/api", key: "DATABASE_URL", field: "heroku.secrets" },
    ]);
  });

  it("counts a key present with a null or empty value as present", () => {
    const secret = { common: { DATABASE_URL: "", SENTRY_DSN: null, AUTH_CLIENT_ID: 0 } };
    assert.deepEqual(missingKeys(secret, config), []);
  });
});

describe("shapeProblems", () => {
  const cases: [string, unknown, string[]][] = [
    ["a well-formed secret", { common: {}, "tokens/api": {}, unrelated: "anything" }, []],
    ["a secret without common", { "tokens/api": { A: "1" } }, []],
    ["a string", "hunter2", ["its value is a string, not an object with a `common` section and one section per project"]],
    ["an array", ["x"], ["its value is an array, not an object with a `common` section and one section per project"]],
    ["sections that are not objects", { common: "s3cr3t", "tokens/api": ["a"], "mapper/api": null }, [
      "section `common` is a string, not an object of keys",
      "section `mapper/api` is null, not an object of keys",
      "section `tokens/api` is an array, not an object of keys",
    ]],
  ];
  for (const [what, value, problems] of cases) {
    it(`describes ${what} by its JSON types only`, () => {
      assert.deepEqual(shapeProblems(value, config.projects.map((p) => p.id)), problems);
    });
  }
});

describe("asString", () => {
  it("keeps strings and gives other JSON values as their JSON text", () => {
    assert.deepEqual([asString("a b"), asString(5432), asString(true), asString(null), asString({ a: [1] })], ["a b", "5432", "true", "null", '{"a":[1]}']);
  });
});

describe("isPlaceholder", () => {
  it("finds a placeholder alone, inside a longer string, or at any depth of an input", () => {
    assert.equal(placeholder("DATABASE_URL"), "[placeholder:DATABASE_URL]");
    assert.deepEqual(
      [
        placeholder("A"),
        `postgres://u:${placeholder("DB_PASSWORD")}@db/x`,
        { vars: { A: "plain", B: [placeholder("B")] } },
        "[placeholder:]",
        "placeholder:A",
        { vars: { A: "plain" } },
        42,
        null,
      ].map(isPlaceholder),
      [true, true, true, false, false, false, false, false],
    );
  });
});
