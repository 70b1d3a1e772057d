import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hookCheckFailures } from "../../components/taskcluster/hookCheck";
import { changedHookFields, diffHook, parseHookResourceId, UNKNOWN, type HookInputs } from "../../components/taskcluster/hookModel";

const BASE = {
  metadata: { name: "n", description: "d", owner: "releng@mozilla.com", emailOnError: true },
  schedule: ["0 * * * *", "30 * * * *"],
  bindings: [{ exchange: "exchange/a", routingKeyPattern: "#" }],
  triggerSchema: { type: "object", additionalProperties: false },
  task: { payload: { image: "repo@sha256:1", env: { A: "1", B: "2" } } },
};

describe("changedHookFields: what diff compares", () => {
  // Bodies the Hooks service stores alike (its defaults spelled out or not, order aside): no change.
  const withDefaults = { ...BASE, schedule: [], bindings: [] };
  const same: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ["schedule and bindings omitted vs []", withDefaults, { ...BASE, schedule: undefined, bindings: undefined }],
    ["emailOnError omitted vs true", BASE, { ...BASE, metadata: { name: "n", description: "d", owner: "releng@mozilla.com" } }],
    ["triggerSchema omitted vs the service's default", BASE, { ...BASE, triggerSchema: undefined }],
    ["schedule in another order", BASE, { ...BASE, schedule: ["30 * * * *", "0 * * * *"] }],
    ["object keys in another order", BASE, { ...BASE, task: { payload: { env: { B: "2", A: "1" }, image: "repo@sha256:1" } } }],
  ];
  for (const [why, a, b] of same) {
    it(`no change: ${why}`, () => assert.deepStrictEqual(changedHookFields(a, b), []));
  }

  // Real changes, named by field.
  const changed: [string, Record<string, unknown>, string[]][] = [
    ["owner", { ...BASE, metadata: { ...BASE.metadata, owner: "x@mozilla.com" } }, ["metadata"]],
    ["emailOnError false", { ...BASE, metadata: { ...BASE.metadata, emailOnError: false } }, ["metadata"]],
    ["a schedule removed", { ...BASE, schedule: ["0 * * * *"] }, ["schedule"]],
    ["image unknown during preview", { ...BASE, task: { payload: { ...BASE.task.payload, image: UNKNOWN } } }, ["task"]],
    ["schedule and bindings unknown during preview", { ...BASE, schedule: UNKNOWN, bindings: UNKNOWN }, ["schedule", "bindings"]],
    ["bindings and triggerSchema", { ...BASE, bindings: [], triggerSchema: { type: "object" } }, ["bindings", "triggerSchema"]],
  ];
  for (const [why, other, fields] of changed) {
    it(`changes ${fields.join(", ")}: ${why}`, () => assert.deepStrictEqual(changedHookFields(BASE, other), fields));
  }

  it("treats a whole hook unknown during preview as a change", () => {
    assert.deepStrictEqual(changedHookFields(BASE, UNKNOWN), ["hook"]);
  });
});

describe("diffHook and resource ids", () => {
  const inputs: HookInputs = { hookGroupId: "project-releng", hookId: "services-staging-a/b", hook: BASE as HookInputs["hook"] };
  it("replaces on a new group or id, updates on a new definition", () => {
    assert.deepStrictEqual(diffHook(inputs, { ...inputs, hookGroupId: "project-other" }), { changes: true, replaces: ["hookGroupId"], deleteBeforeReplace: false });
    assert.deepStrictEqual(diffHook(inputs, { ...inputs, hook: { ...inputs.hook, schedule: [] } }), { changes: true, replaces: [], deleteBeforeReplace: false });
  });
  it("splits a resource id at the first slash, since hook ids may hold more", () => {
    assert.deepStrictEqual(parseHookResourceId("project-releng/services-staging-tooltool/api-replicate"), { hookGroupId: "project-releng", hookId: "services-staging-tooltool/api-replicate" });
    assert.throws(() => parseHookResourceId("project-releng"), { message: "`project-releng` is not a hook resource id; expected `<hookGroupId>/<hookId>`" });
  });
});

describe("hookCheckFailures", () => {
  const ok = { hookGroupId: "project-releng", hookId: "services-staging-a", hook: BASE };
  const cases: [string, Record<string, unknown>, { property: string; reason: string }[]][] = [
    ["valid inputs", ok, []],
    ["values unknown during preview", { hookGroupId: UNKNOWN, hookId: "services-staging-a", hook: { ...BASE, metadata: { ...BASE.metadata, owner: UNKNOWN }, schedule: [UNKNOWN], task: UNKNOWN } }, []],
    ["a whole hook unknown", { ...ok, hook: UNKNOWN }, []],
    ["a hook id over 1000 characters", { ...ok, hookId: "a".repeat(1001) }, [{ property: "hookId", reason: `\`${"a".repeat(1001)}\` is not a valid hookId: 1 to 1000 characters, letters, digits, \`-\`, \`_\` and \`/\`` }]],
    ["a name over 255 characters", { ...ok, hook: { ...BASE, metadata: { ...BASE.metadata, name: "n".repeat(256) } } }, [{ property: "hook.metadata.name", reason: "is 256 characters long; at most 255 are allowed" }]],
    ["metadata missing", { ...ok, hook: { ...BASE, metadata: undefined } }, [{ property: "hook.metadata", reason: "is required: an object with name, description and owner" }]],
    ["an unknown metadata field", { ...ok, hook: { ...BASE, metadata: { ...BASE.metadata, email: "x" } } }, [{ property: "hook.metadata.email", reason: "is not a field of a hook definition (create-hook-request)" }]],
    ["a repeated schedule", { ...ok, hook: { ...BASE, schedule: ["0 * * * *", "0 * * * *"] } }, [{ property: "hook.schedule[1]", reason: "repeats hook.schedule[0]; the Hooks service wants unique items" }]],
    ["a binding without routing key and with an extra field", { ...ok, hook: { ...BASE, bindings: [{ exchange: "exchange/a", routingKey: "#" }] } }, [
      { property: "hook.bindings[0].routingKey", reason: "is not a field of a hook definition (create-hook-request)" },
      { property: "hook.bindings[0].routingKeyPattern", reason: "is required (a non-empty string)" },
    ]],
    ["a body hookId that differs from the resource's", { ...ok, hook: { ...BASE, hookId: "services-staging-b" } }, [{ property: "hook.hookId", reason: "`services-staging-b` differs from hookId `services-staging-a`; omit it or make them equal" }]],
    ["a task that is not an object, a triggerSchema that is not one", { ...ok, hook: { ...BASE, task: [], triggerSchema: "any" } }, [
      { property: "hook.task", reason: "is required: the task template (an object)" },
      { property: "hook.triggerSchema", reason: "must be a JSON schema (an object)" },
    ]],
  ];
  for (const [why, inputs, failures] of cases) {
    it(why, () => assert.deepStrictEqual(hookCheckFailures(inputs), failures));
  }
});
