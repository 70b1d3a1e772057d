import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { missingScope, type SecretSource } from "../../components/taskcluster/secretErrors";
import { failureError } from "../../components/taskcluster/secretFetch";

const SECRET = "repo:github.com/mozilla-releng/services:branch:testing";
const source: SecretSource = { stack: "testing", file: "Pulumi.testing.yaml", secret: SECRET, rootUrl: "https://tc.example.com", caller: "client `project/releng/deploy`", via: "credentials" };
const GET = `GET https://tc.example.com/api/secrets/v1/secret/${encodeURIComponent(SECRET)}`;
const PAGE = `https://tc.example.com/secrets/${encodeURIComponent(SECRET)}`;

/** A taskcluster-client error as it throws them: status, code and the service's body. */
function answered(statusCode: number, code: string, message: string) {
  return Object.assign(new Error(message), { statusCode, code, body: { code, message, requestInfo: {} } });
}

describe("failureError", () => {
  const cases: [string, unknown, string][] = [
    [
      "a connection refused after every retry",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
      `Stack \`testing\`: could not reach Taskcluster at https://tc.example.com to read secret \`${SECRET}\`: ${GET} failed 6 times (last error: ECONNREFUSED). Check the network and the root URL (TASKCLUSTER_ROOT_URL, else \`taskcluster.rootUrl\` of Pulumi.testing.yaml).`,
    ],
    [
      "a 5xx after every retry",
      answered(503, "InternalServerError", "Internal Server Error"),
      `Stack \`testing\`: could not reach Taskcluster at https://tc.example.com to read secret \`${SECRET}\`: ${GET} answered 503 InternalServerError 6 times. Check the network and the root URL (TASKCLUSTER_ROOT_URL, else \`taskcluster.rootUrl\` of Pulumi.testing.yaml).`,
    ],
    [
      "a 404",
      answered(404, "ResourceNotFound", "Secret not found\n\n---\n\n* method: get"),
      `Stack \`testing\`: Taskcluster secret \`${SECRET}\` does not exist on https://tc.example.com: create it (${PAGE}), or set \`taskcluster.secret\` in Pulumi.testing.yaml; reading it needs the scope \`secrets:get:${SECRET}\`.`,
    ],
    [
      "a 410",
      answered(410, "ResourceExpired", "The requested resource has expired."),
      `Stack \`testing\`: Taskcluster secret \`${SECRET}\` on https://tc.example.com has expired (ResourceExpired): renew it with a later expiry (${PAGE}).`,
    ],
    [
      "a 403, with the scope the server names",
      answered(403, "InsufficientScopes", "Client ID project/releng/deploy does not have sufficient scopes and is missing the following scopes:\n\n```\nsecrets:get:repo:github.com/mozilla-releng/services:branch:testing\n```\n\nThis request requires the client to satisfy the following scope expression:\n\n```\n\"secrets:get:x\"\n```"),
      `Stack \`testing\`: client \`project/releng/deploy\` may not read Taskcluster secret \`${SECRET}\` on https://tc.example.com: it is missing the scope \`secrets:get:${SECRET}\` (InsufficientScopes); grant it to that client or its role.`,
    ],
    [
      "a 401",
      answered(401, "AuthenticationFailed", "Authentication failed: Bad mac\n\n---\n\n* method: get"),
      `Stack \`testing\`: Taskcluster at https://tc.example.com rejected the credentials of client \`project/releng/deploy\` (AuthenticationFailed: Authentication failed: Bad mac); check TASKCLUSTER_CLIENT_ID, TASKCLUSTER_ACCESS_TOKEN and, for temporary credentials, TASKCLUSTER_CERTIFICATE.`,
    ],
    [
      "another 4xx",
      answered(400, "InvalidRequestArguments", "Invalid URL patterns:\n  * name"),
      `Stack \`testing\`: Taskcluster at https://tc.example.com refused to read secret \`${SECRET}\`: 400 InvalidRequestArguments: Invalid URL patterns:.`,
    ],
  ];
  for (const [what, err, message] of cases) {
    it(`explains ${what}`, () => {
      const error = failureError(err, source, GET, 6);
      assert.equal(error.name, "SecretsError");
      assert.equal(error.message, message);
    });
  }

  it("tells a task to add the missing scope to its own scopes", () => {
    const proxied = { ...source, caller: "the task's proxy at http://taskcluster", via: "proxy" as const };
    assert.equal(
      failureError(answered(403, "InsufficientScopes", "Client ID task-client does not have sufficient scopes and is missing the following scopes:\n\n```\nsecrets:get:x\n```"), proxied, GET, 6).message,
      `Stack \`testing\`: the task's proxy at http://taskcluster may not read Taskcluster secret \`${SECRET}\` on https://tc.example.com: it is missing the scope \`secrets:get:x\` (InsufficientScopes); add it to the task's scopes.`,
    );
  });
});

describe("missingScope", () => {
  const cases: [string, string, string | undefined][] = [
    ["a single scope in a fenced block", "is missing the following scopes:\n\n```\nsecrets:get:a\n```\n\nYou have", "secrets:get:a"],
    ["an expression as indented JSON", 'is missing the following scopes:\n\n```\n{\n  "AnyOf": [\n    "a",\n    "b"\n  ]\n}\n```', '{"AnyOf":["a","b"]}'],
    ["a scope on the next line, without a fence", "is missing the following scopes:\n\nauth:x:y\n", "auth:x:y"],
    ["a message without the sentence", "Forbidden", undefined],
  ];
  for (const [what, message, scope] of cases) {
    it(`reads ${what}`, () => assert.equal(missingScope(message), scope));
  }
});
