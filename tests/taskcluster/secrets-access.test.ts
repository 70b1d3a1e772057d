import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { taskclusterAccess } from "../../components/taskcluster/access";

const CONFIG_ROOT = "https://firefox-ci-tc.services.mozilla.com";

describe("taskclusterAccess", () => {
  // Credentials from the environment: what a developer or a CI job sets.
  it("signs with the client's credentials against the stack file's root URL when TASKCLUSTER_ROOT_URL is unset", () => {
    assert.deepEqual(taskclusterAccess({ TASKCLUSTER_CLIENT_ID: "project/releng/deploy", TASKCLUSTER_ACCESS_TOKEN: "tok" }, CONFIG_ROOT), {
      rootUrl: CONFIG_ROOT,
      via: "credentials",
      who: "project/releng/deploy",
      options: { rootUrl: CONFIG_ROOT, credentials: { clientId: "project/releng/deploy", accessToken: "tok" } },
    });
  });

  it("lets TASKCLUSTER_ROOT_URL replace the stack file's root URL, without its trailing slash", () => {
    const access = taskclusterAccess({ TASKCLUSTER_ROOT_URL: "http://127.0.0.1:9/", TASKCLUSTER_CLIENT_ID: "c", TASKCLUSTER_ACCESS_TOKEN: "t" }, CONFIG_ROOT);
    assert.deepEqual(access, { rootUrl: "http://127.0.0.1:9", via: "credentials", who: "c", options: { rootUrl: "http://127.0.0.1:9", credentials: { clientId: "c", accessToken: "t" } } });
  });

  it("passes a temporary credential's certificate on", () => {
    const access = taskclusterAccess({ TASKCLUSTER_CLIENT_ID: "c", TASKCLUSTER_ACCESS_TOKEN: "t", TASKCLUSTER_CERTIFICATE: '{"version":1}' }, CONFIG_ROOT);
    assert.deepEqual("options" in access && access.options.credentials, { clientId: "c", accessToken: "t", certificate: '{"version":1}' });
  });

  // Inside a task: the taskcluster-proxy signs with the task's scopes.
  it("sends unsigned requests to TASKCLUSTER_PROXY_URL when no credentials are set", () => {
    assert.deepEqual(taskclusterAccess({ TASKCLUSTER_PROXY_URL: "http://taskcluster/", TASKCLUSTER_ROOT_URL: "https://tc.example.com" }, CONFIG_ROOT), {
      rootUrl: "https://tc.example.com",
      via: "proxy",
      who: "http://taskcluster",
      options: { rootUrl: "http://taskcluster", credentials: {} },
    });
  });

  it("prefers explicit credentials to the proxy", () => {
    const access = taskclusterAccess({ TASKCLUSTER_PROXY_URL: "http://taskcluster", TASKCLUSTER_CLIENT_ID: "c", TASKCLUSTER_ACCESS_TOKEN: "t" }, CONFIG_ROOT);
    assert.equal("via" in access && access.via, "credentials");
  });

  // Nothing usable: the variables to set.
  const missing: [string, Record<string, string>, string[]][] = [
    ["an empty environment", {}, ["TASKCLUSTER_CLIENT_ID", "TASKCLUSTER_ACCESS_TOKEN"]],
    ["a client id alone, even with a proxy", { TASKCLUSTER_CLIENT_ID: "c", TASKCLUSTER_PROXY_URL: "http://taskcluster" }, ["TASKCLUSTER_ACCESS_TOKEN"]],
    ["an access token alone", { TASKCLUSTER_ACCESS_TOKEN: "t" }, ["TASKCLUSTER_CLIENT_ID"]],
    ["blank values", { TASKCLUSTER_CLIENT_ID: " ", TASKCLUSTER_ACCESS_TOKEN: "" }, ["TASKCLUSTER_CLIENT_ID", "TASKCLUSTER_ACCESS_TOKEN"]],
  ];
  for (const [what, env, vars] of missing) {
    it(`names the variables to set for ${what}`, () => {
      assert.deepEqual(taskclusterAccess(env, CONFIG_ROOT), { rootUrl: CONFIG_ROOT, missing: vars });
    });
  }
});
