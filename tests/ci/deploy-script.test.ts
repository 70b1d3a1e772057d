import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { deployExports, shellQuote } from "../../tools/deployEnv";
import { REPO, type ToolResult } from "../support/synth";

/*
 * .ci/deploy and .ci/preview run for real, with a `pulumi` on PATH that only records how it was
 * called, and a local Taskcluster proxy on 127.0.0.1 serving the branch secret.
 */

const SECRET = "repo:github.com/mozilla-releng/services:branch:staging";
const BROKEN = "repo:github.com/mozilla-releng/services:branch:broken";
const MANGLED = "wJalrXUtnFEMIK7MDENGbPxRfiCY";
const PASSPHRASE = `it's "quoted" $(touch /tmp/pwned) \`x\``;

let bin: string;
let log: string;
let server: http.Server;
let proxy: string;

function run(script: string, args: string[], env: Record<string, string>): Promise<ToolResult> {
  const base = { PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: os.tmpdir(), PULUMI_LOG: log };
  return new Promise((resolve) => {
    execFile("bash", [path.join(REPO, ".ci", script), ...args], { cwd: REPO, env: { ...base, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === "number" ? err.code : 1, stdout, stderr });
    });
  });
}

const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []);

before(async () => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), "releng-infra-fake-pulumi-"));
  log = path.join(bin, "calls.log");
  // Records its arguments, and the environment the deploy gives it.
  fs.writeFileSync(path.join(bin, "pulumi"), '#!/bin/bash\necho "$* | backend=${PULUMI_BACKEND_URL:-} passphrase=${PULUMI_CONFIG_PASSPHRASE:-} aws=${AWS_ACCESS_KEY_ID:-} heroku=${HEROKU_PASSWORD:-}" >> "$PULUMI_LOG"\n', { mode: 0o755 });
  server = http.createServer((req, res) => {
    if (req.url === `/api/secrets/v1/secret/${encodeURIComponent(BROKEN)}`) {
      // An answer cut or mangled on the way: JSON.parse's message would quote the text around the fault.
      res.writeHead(200, { "content-type": "application/json" }).end(`{"secret":{"common":{"AWS_SECRET_ACCESS_KEY":${MANGLED}"}}}`);
      return;
    }
    if (req.url !== `/api/secrets/v1/secret/${encodeURIComponent(SECRET)}`) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: "ResourceNotFound", message: "no such secret" }));
      return;
    }
    const common = { PULUMI_BACKEND_URL: "s3://releng-infra-state", PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", HEROKU_PASSWORD: "heroku-token-never-exported" };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ secret: { common }, expires: "3000-01-01T00:00:00.000Z" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  fs.rmSync(bin, { recursive: true, force: true });
});

describe(".ci/deploy", () => {
  it("in a task, exports the branch secret's PULUMI_* and AWS_* keys (only) and runs pulumi up --yes of the branch", async () => {
    fs.rmSync(log, { force: true });
    const result = await run("deploy", ["staging"], { TASKCLUSTER_PROXY_URL: proxy, BRANCH_SECRET: SECRET });
    assert.equal(result.code, 0, result.stderr);
    const env = `backend=s3://releng-infra-state passphrase=${PASSPHRASE} aws=AKIAEXAMPLE heroku=`;
    assert.deepEqual(calls(), [`login --non-interactive s3://releng-infra-state | ${env}`, `stack select --non-interactive --create staging | ${env}`, `up --yes --non-interactive -s staging | ${env}`]);
    assert.ok(!`${result.stdout}${result.stderr}`.includes("AKIAEXAMPLE") && !`${result.stdout}${result.stderr}`.includes("quoted"), "no secret value printed");
    assert.ok(!fs.existsSync("/tmp/pwned"), "a value is never run as code");
  });

  it("fails naming the secret and the scope when the proxy refuses, before running pulumi", async () => {
    fs.rmSync(log, { force: true });
    const other = "repo:github.com/mozilla-releng/services:branch:production";
    const result = await run("deploy", ["staging"], { TASKCLUSTER_PROXY_URL: proxy, BRANCH_SECRET: other });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `reading secret ${other} through the Taskcluster proxy: HTTP 404 (the task needs secrets:get:${other})\n`);
    assert.deepEqual(calls(), []);
  });

  it("fails without quoting the answer when the proxy's answer is not JSON, before running pulumi", async () => {
    fs.rmSync(log, { force: true });
    const result = await run("deploy", ["staging"], { TASKCLUSTER_PROXY_URL: proxy, BRANCH_SECRET: BROKEN });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `reading secret ${BROKEN} through the Taskcluster proxy: HTTP 200 with a body that is not JSON (not shown: it would hold the secret's values)\n`);
    assert.deepEqual(calls(), []);
  });

  it("refuses a branch without a stack file", async () => {
    const result = await run("deploy", ["feature-x"], {});
    assert.deepEqual([result.code, result.stderr], [1, "no Pulumi.feature-x.yaml: branch `feature-x` has no stack\n"]);
  });
});

describe(".ci/preview", () => {
  it("skips pulumi preview without backend credentials, as in a pull request from a fork", async () => {
    fs.rmSync(log, { force: true });
    const result = await run("preview", [], {});
    assert.deepEqual([result.code, result.stdout], [0, "pulumi preview skipped: no Pulumi state backend credentials in this job (the offline preview above is the preview)\n"]);
    assert.deepEqual(calls(), []);
  });

  it("previews every stack with --diff when it has them", async () => {
    fs.rmSync(log, { force: true });
    const result = await run("preview", [], { PULUMI_BACKEND_URL: "s3://releng-infra-state" });
    assert.equal(result.code, 0, result.stderr);
    const stacks = fs.readdirSync(REPO).flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? []).sort();
    const env = "backend=s3://releng-infra-state passphrase= aws= heroku=";
    assert.deepEqual(calls(), [`login --non-interactive s3://releng-infra-state | ${env}`, ...stacks.map((s) => `preview --non-interactive --diff -s ${s} | ${env}`)]);
  });
});

describe("deployExports", () => {
  it("exports PULUMI_* and AWS_* string keys of `common`, sorted, shell-quoted", () => {
    const secret = { common: { PULUMI_BACKEND_URL: "s3://x", AWS_SECRET_ACCESS_KEY: "a'b", HEROKU_PASSWORD: "h", PULUMI_N: 3, aws_lower: "x" }, "tokens/api": { AWS_REGION: "eu" } };
    assert.equal(deployExports(secret), "export AWS_SECRET_ACCESS_KEY='a'\\''b'\nexport PULUMI_BACKEND_URL='s3://x'\n");
    assert.equal(deployExports(null), "");
  });

  it("quotes any text so the shell reads it back unchanged", () => {
    const cases = ["", "plain", "it's", "$(x) `y` \"z\" \\ \n"];
    assert.deepEqual(cases.map(shellQuote), ["''", "'plain'", "'it'\\''s'", "'$(x) `y` \"z\" \\ \n'"]);
  });
});
