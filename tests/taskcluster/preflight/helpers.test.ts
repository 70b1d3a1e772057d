import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { satisfies } from "../../../components/taskcluster/preflight";
import { validate, type Schema } from "../../../components/taskcluster/preflight/jsonSchema";
import { child, jsoneSegments } from "../../../components/taskcluster/preflight/paths";
import { defaultPulseMessage, topicMatches } from "../../../components/taskcluster/preflight/pulseMessages";
import { duration } from "../../../components/taskcluster/preflight/words";
import { NOW } from "./fixtures";

describe("Taskcluster scope satisfaction", () => {
  const table: [string[], string, boolean][] = [
    [["secrets:get:repo:x"], "secrets:get:repo:x", true],
    [["secrets:get:repo:*"], "secrets:get:repo:x", true],
    [["*"], "anything:at:all", true],
    // A star only counts at the end; elsewhere it is a literal character.
    [["secrets:*:repo:x"], "secrets:get:repo:x", false],
    [["secrets:get:repo:x"], "secrets:get:repo:xy", false],
    // A requested pattern is satisfied by itself or a broader pattern, not a narrower one.
    [["queue:route:index.*"], "queue:route:index.*", true],
    [["queue:route:index.a*"], "queue:route:index.*", false],
    [[], "queue:scheduler-id:-", false],
  ];
  for (const [granted, scope, expected] of table) {
    it(`${JSON.stringify(granted)} ${expected ? "satisfies" : "does not satisfy"} ${scope}`, () => assert.equal(satisfies(granted, scope), expected));
  }
});

describe("AMQP topic matching of binding patterns", () => {
  const table: [string, string, boolean][] = [
    ["route.project.relman.codereview.v1.try_ending", "route.project.relman.codereview.v1.try_ending", true],
    ["route.project.relman.#", "route.project.relman.codereview.v1.try_ending", true],
    ["route.project.relman.*", "route.project.relman.codereview.v1.try_ending", false],
    ["primary.*.*.#", "primary.abc.0", true],
    ["#", "", true],
    ["a.#.z", "a.z", true],
    ["a.#.z", "a.b.c.y", false],
  ];
  for (const [pattern, key, expected] of table) {
    it(`${pattern} ${expected ? "matches" : "does not match"} ${key || "(empty key)"}`, () => assert.equal(topicMatches(pattern, key), expected));
  }
});

describe("the JSON-schema subset", () => {
  const table: { name: string; schema: Schema; value: unknown; findings: { path: string; message: string }[] }[] = [
    { name: "types, integer included", schema: { type: "integer" }, value: 1.5, findings: [{ path: "x", message: "must be an integer, not number" }] },
    { name: "a list of types", schema: { type: ["string", "null"] }, value: null, findings: [] },
    {
      name: "required and additionalProperties",
      schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false },
      value: { b: 1 },
      findings: [
        { path: "x.a", message: "is required" },
        { path: "x.b", message: "is not a known property (known: a)" },
      ],
    },
    { name: "additionalProperties as a schema", schema: { additionalProperties: { type: "string" } }, value: { "a.b": 2 }, findings: [{ path: 'x["a.b"]', message: "must be a string, not number" }] },
    { name: "items, with the index in the path", schema: { items: { enum: ["a", "b"] } }, value: ["a", "c"], findings: [{ path: "x[1]", message: 'must be one of "a", "b"' }] },
    { name: "uniqueItems compares values", schema: { uniqueItems: true }, value: [{ a: 1, b: 2 }, { b: 2, a: 1 }], findings: [{ path: "x[1]", message: "repeats an earlier item; items must be unique" }] },
    { name: "string bounds and pattern", schema: { minLength: 2, pattern: "^a" }, value: "b", findings: [{ path: "x", message: "must be at least 2 characters long" }, { path: "x", message: "must match `^a`" }] },
    { name: "date-time format", schema: { format: "date-time" }, value: "2019-06-03 04:00", findings: [{ path: "x", message: "must be a valid date-time" }] },
    { name: "numbers", schema: { minimum: 1, exclusiveMaximum: 10 }, value: 10, findings: [{ path: "x", message: "must be less than 10" }] },
    { name: "anyOf", schema: { anyOf: [{ type: "string" }, { type: "object" }] }, value: 3, findings: [{ path: "x", message: "matches none of the `anyOf` schemas" }] },
    { name: "oneOf", schema: { oneOf: [{ type: "number" }, { type: "integer" }] }, value: 3, findings: [{ path: "x", message: "must match exactly one of the `oneOf` schemas, matches 2" }] },
    {
      name: "a keyword outside the subset is reported, not ignored",
      schema: { $ref: "#/definitions/a", definitions: { a: { type: "string" } } },
      value: 1,
      findings: [{ path: "x", message: "the schema here uses `$ref`, which preflight's JSON-schema subset does not check; inline it with the supported keywords" }],
    },
  ];
  for (const c of table) it(c.name, () => assert.deepStrictEqual(validate(c.schema, c.value, "x"), c.findings));

  it("fills defaults into the value when asked, as triggerHook does", () => {
    const payload: Record<string, unknown> = { b: "given" };
    assert.deepStrictEqual(validate({ properties: { a: { default: { n: 1 } }, b: { default: "x" } } }, payload, "payload", { useDefaults: true }), []);
    assert.deepStrictEqual(payload, { b: "given", a: { n: 1 } });
  });
});

describe("paths", () => {
  it("read as JavaScript where they can, and quote other keys", () => {
    assert.deepStrictEqual(
      [child("task", "payload"), child("task.env", "$merge"), child("task.scopes", 2), child("task.payload.cache", "services-staging-x"), child("", "payload")],
      ["task.payload", "task.env.$merge", "task.scopes[2]", 'task.payload.cache["services-staging-x"]', "payload"],
    );
  });
  it("are rebuilt from json-e error locations", () => {
    assert.deepStrictEqual(jsoneSegments([".payload", ".env", "[1]", '["a.b"]']), ["payload", "env", 1, "a.b"]);
    assert.equal(jsoneSegments(["payload"]), undefined);
  });
  it("durations read in days, hours and minutes", () => {
    assert.deepStrictEqual([duration(6 * 86_400_000), duration(-(90 * 60_000)), duration(0)], ["6 days", "-1 hour 30 minutes", "0 minutes"]);
  });
});

describe("default Pulse messages", () => {
  it("of a Queue task exchange carry the task's status, run and worker, as the Queue publishes them", () => {
    const { payload } = defaultPulseMessage("exchange/taskcluster-queue/v1/task-failed", NOW);
    const status = payload.status as Record<string, unknown>;
    assert.deepStrictEqual(
      [Object.keys(payload).sort(), status.state, (status.runs as { state: string }[]).map((r) => r.state)],
      [["runId", "status", "task", "version", "workerGroup", "workerId"], "failed", ["failed"]],
    );
  });
  it("of task-defined has no run and no worker yet", () => {
    const { payload } = defaultPulseMessage("exchange/taskcluster-queue/v1/task-defined", NOW);
    assert.deepStrictEqual([Object.keys(payload).sort(), (payload.status as { runs: unknown[] }).runs], [["status", "task", "version"], []]);
  });
  it("of any other exchange is empty, so a template must not assume keys", () => {
    assert.deepStrictEqual(defaultPulseMessage("exchange/taskcluster-github/v1/push", NOW), { payload: {} });
    assert.deepStrictEqual(defaultPulseMessage("exchange/taskcluster-queue/v1/constructor", NOW), { payload: {} });
  });
});
