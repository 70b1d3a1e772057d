import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { requiredProjectUrls, runtimeConfig } from "../../../components/aws/links";
import { parseStackConfig, type Project } from "../../../config";

const config = parseStackConfig("testing", "Pulumi.testing.yaml", {
  taskcluster: { rootUrl: "https://tc.example.com" },
  aws: { zones: { "testing.mozilla-releng.net": {} } },
  projects: {
    "tokens/api": { heroku: { app: "releng-testing-tokens", domains: ["tokens.testing.mozilla-releng.net", "tokens2.testing.mozilla-releng.net"] } },
    docs: { frontend: { bucket: "releng-testing-docs", domains: ["docs.testing.mozilla-releng.net"] } },
    "releng-frontend": { frontend: { bucket: "releng-testing-frontend", domains: ["testing.mozilla-releng.net"], requires: ["tokens/api", "docs"] } },
  },
});
const project = (id: string): Project => config.projects.find((p) => p.id === id)!;

describe("URLs of the projects a front end requires", () => {
  it("are those projects' own URLs (first domain) on the same branch, in `requires` order", () => {
    assert.deepStrictEqual(requiredProjectUrls(project("releng-frontend"), config.projects), {
      "tokens/api": "https://tokens.testing.mozilla-releng.net",
      docs: "https://docs.testing.mozilla-releng.net",
    });
  });

  it("are none for a front end that requires nothing", () => {
    assert.deepStrictEqual(requiredProjectUrls(project("docs"), config.projects), {});
  });

  it("fail, naming both projects, when a required project is not on the branch", () => {
    assert.throws(() => requiredProjectUrls(project("releng-frontend"), config.projects.filter((p) => p.id !== "docs")), {
      message: "project `releng-frontend`: `frontend.requires` names `docs`, which has no URL on this branch",
    });
  });
});

describe("runtime config of a front end", () => {
  it("carries the branch as release channel and the required URLs, replacing the data-* attributes of index.html", () => {
    assert.deepStrictEqual(runtimeConfig("testing", requiredProjectUrls(project("releng-frontend"), config.projects)), {
      releaseChannel: "testing",
      urls: { "tokens/api": "https://tokens.testing.mozilla-releng.net", docs: "https://docs.testing.mozilla-releng.net" },
    });
  });
});
