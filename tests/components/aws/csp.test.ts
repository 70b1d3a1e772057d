import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BASE_CSP, connectSources, contentSecurityPolicy, MAX_CSP_LENGTH } from "../../../components/aws/csp";

describe("connect-src of a front end", () => {
  it("starts with 'self', then the extra origins, then the required projects' URLs, in that order", () => {
    assert.deepStrictEqual(connectSources(["hg.mozilla.org", "queue.taskcluster.net"], ["https://tokens.staging.mozilla-releng.net"]), [
      "'self'",
      "hg.mozilla.org",
      "queue.taskcluster.net",
      "https://tokens.staging.mozilla-releng.net",
    ]);
  });

  it("lists a source once even when given twice", () => {
    assert.deepStrictEqual(connectSources(["'self'", "a.example", "a.example"], ["https://b.example", "https://b.example"]), ["'self'", "a.example", "https://b.example"]);
  });

  it("is only 'self' for a front end that talks to nothing else (docs)", () => {
    assert.deepStrictEqual(connectSources([], []), ["'self'"]);
  });
});

describe("Content-Security-Policy of a front end", () => {
  it("is the catalogue's base CSP followed by connect-src", () => {
    assert.equal(
      contentSecurityPolicy("staticanalysis/frontend", { connectSrc: ["index.taskcluster.net", "queue.taskcluster.net"] }, []),
      "default-src 'none'; img-src 'self' data:; script-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self' index.taskcluster.net queue.taskcluster.net;",
    );
  });

  it("refuses a policy longer than CloudFront accepts, naming the project and the fields to shorten", () => {
    const longest = MAX_CSP_LENGTH - `${BASE_CSP} connect-src 'self' ;`.length;
    assert.equal(contentSecurityPolicy("x", { connectSrc: ["a".repeat(longest)] }, []).length, MAX_CSP_LENGTH);
    assert.throws(() => contentSecurityPolicy("x", { connectSrc: ["a".repeat(longest + 1)] }, []), {
      message: `project \`x\`: its Content-Security-Policy is ${MAX_CSP_LENGTH + 1} characters, more than CloudFront's ${MAX_CSP_LENGTH}; shorten \`frontend.connectSrc\` or \`frontend.requires\``,
    });
  });
});
