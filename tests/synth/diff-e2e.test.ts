import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ResourceChange, StackDiff } from "../../synth/diff";
import { renderMarkdown, type SynthFailure } from "../../synth/markdown";
import { copyOfThisRepo, type TempRepo } from "../support/gitRepo";
import { runTool, type ToolResult } from "../support/synth";

/*
 * synth:diff end to end, on a commit that adds a hook, changes one config var and renames a bucket
 * in a stack of its own (`e2e`, so the real stack files may change freely): the report must be
 * exactly hook added, config var changed (value hidden), bucket replaced, with the real Heroku,
 * front-end and hook components.
 */

const BEFORE_VALUE = "e2e-value-before-5c1d";
const AFTER_VALUE = "e2e-value-after-5c1d";

function stackFile(opts: { value: string; bucket: string; secondHook: boolean }): string {
  const hook = (suffix: string, command: string) => [
    `        - suffix: ${suffix}`,
    "          owner: releng@example.com",
    '          schedule: ["0 * * * *"]',
    `          command: [flask, ${command}]`,
    "          deadline: 4 hours",
    "          maxRunTime: 14400",
  ];
  return [
    "config:",
    "  releng-infra:taskcluster:",
    "    rootUrl: https://tc.example.com",
    "  releng-infra:aws:",
    "    zones:",
    "      e2e.mozilla-releng.net: {}",
    "  releng-infra:projects:",
    "    tokens/api:",
    "      heroku:",
    "        app: releng-e2e-tokens",
    "        domains: [tokens.e2e.mozilla-releng.net]",
    `        config: { LOG_LEVEL: ${opts.value} }`,
    // With a secret among them, the app's config vars are one secret map (components/heroku).
    "        secrets: [DATABASE_URL]",
    "    releng-frontend:",
    "      frontend:",
    `        bucket: ${opts.bucket}`,
    "        domains: [e2e.mozilla-releng.net]",
    "    tooltool/api:",
    "      hooks:",
    ...hook("-replicate", "replicate"),
    ...(opts.secondHook ? hook("-check_pending_uploads", "check-pending-uploads") : []),
    "",
  ].join("\n");
}

describe("npm run synth:diff on a commit that adds a hook, changes a config var and renames a bucket", () => {
  let repo: TempRepo;
  let result: ToolResult;
  let e2e: StackDiff;

  before(async () => {
    repo = copyOfThisRepo();
    repo.write("Pulumi.e2e.yaml", stackFile({ value: BEFORE_VALUE, bucket: "releng-e2e-frontend", secondHook: false }));
    repo.git("add", "Pulumi.e2e.yaml");
    repo.git("commit", "-q", "-m", "e2e stack");
    repo.write("Pulumi.e2e.yaml", stackFile({ value: AFTER_VALUE, bucket: "releng-e2e-web", secondHook: true }));
    repo.git("commit", "-q", "-am", "add a hook, change a config var, rename a bucket");
    result = await runTool("synth-diff", ["--base", "HEAD~1", "--json"], { cwd: repo.dir });
    const report = JSON.parse(result.stdout) as { diffs: StackDiff[]; failures: SynthFailure[] };
    assert.deepEqual(report.failures, []);
    e2e = report.diffs.find((d) => d.stack === "e2e")!;
  });
  after(() => repo.remove());

  it("exits 0 and finds no change in the other stacks", () => {
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { diffs: StackDiff[] };
    assert.deepEqual(report.diffs.filter((d) => d.stack !== "e2e").map((d) => [d.stack, d.changes.length]), report.diffs.filter((d) => d.stack !== "e2e").map((d) => [d.stack, 0]));
  });

  it("reports exactly: hook added, config var changed, bucket replaced", () => {
    const keys = new Set(e2e.changes.map((c) => `${c.type}::${c.name}`));
    // What the report leads with: neither nested under a parent of the same kind nor following a replacement.
    const leading = (kind: ResourceChange["kind"]) =>
      e2e.changes.filter((c) => c.kind === kind && c.causedBy.length === 0 && !(c.parent !== null && keys.has(c.parent) && e2e.changes.some((p) => p.kind === kind && `${p.type}::${p.name}` === c.parent)));
    const [bucket] = leading("replace");
    assert.deepEqual(leading("replace").map((c) => c.type), ["aws:s3/bucket:Bucket"]);
    assert.deepEqual(bucket!.properties.find((p) => p.path === "bucket"), { path: "bucket", before: "releng-e2e-frontend", after: "releng-e2e-web", secret: false });
    const bucketKey = `${bucket!.type}::${bucket!.name}`;
    assert.deepEqual(e2e.changes.filter((c) => c.causedBy.length > 0 && !c.causedBy.every((k) => k === bucketKey)).map((c) => c.name), []);

    const changed = leading("change");
    assert.deepEqual(changed.map((c) => c.type), ["pulumi-nodejs:dynamic/heroku:ConfigVars"]);
    assert.ok(changed[0]!.properties.length > 0 && changed[0]!.properties.every((p) => p.secret && /^vars(\.LOG_LEVEL)?$/.test(p.path)), JSON.stringify(changed[0]!.properties));

    assert.equal(leading("add").length, 1, JSON.stringify(leading("add").map((c) => `${c.type}::${c.name}`)));
    const hooks = e2e.changes.filter((c) => c.kind === "add" && c.type === "pulumi-nodejs:dynamic/taskcluster:Hook");
    assert.deepEqual(hooks.map((c) => c.properties.find((p) => p.path === "hookId")?.after), ["services-e2e-tooltool/api-check_pending_uploads"]);
    assert.deepEqual(leading("remove"), []);
  });

  it("never shows the config var's values, in the report or in the comment", () => {
    const markdown = renderMarkdown("HEAD~1", (JSON.parse(result.stdout) as { diffs: StackDiff[] }).diffs);
    for (const text of [result.stdout, markdown]) assert.ok(!text.includes(BEFORE_VALUE) && !text.includes(AFTER_VALUE));
    assert.match(markdown, /\| `vars(\.LOG_LEVEL)?` \| \*secret\* \| \*secret, changed\* \|/);
  });
});
