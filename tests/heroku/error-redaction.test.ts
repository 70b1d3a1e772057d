import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { redact } from "../../components/heroku/api";
import { configVarsProvider } from "../../components/heroku/configVars";
import { imageIdOf } from "../../components/heroku/images";

/*
 * Heroku's error messages are the server's text, and a server (or a validating proxy in front of it)
 * may quote what it was sent: the body, or the Authorization header. Whatever it quotes of a secret
 * must not reach a HerokuError, which Pulumi prints and CI logs keep.
 */

const TOKEN = "0f6b6b0e-3c55-4f57-9b8e-3f7f2a6f0c11";
const SECRET = 'db-pa"ss\\word-9c1e';

/** Answers every request with `status` and a message quoting the request, as `shape` says. */
function echoServer(): { listening: Promise<void>; url: () => string; shape: { json: boolean; mangled: boolean }; stop: () => Promise<void> } {
  const shape = { json: true, mangled: false };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      if (shape.mangled) {
        res.writeHead(200, { "content-type": "application/json" }).end(`{"DATABASE_URL":postgres-${SECRET}"}`);
        return;
      }
      const quoted = `${req.headers.authorization} ${raw}`;
      res.writeHead(422, { "content-type": shape.json ? "application/json" : "text/html" });
      res.end(shape.json ? JSON.stringify({ id: "invalid_params", message: `Invalid params in ${quoted}` }) : `<html>rejected: ${quoted}</html>`);
    });
  });
  const listening = new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    listening,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    shape,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("Heroku error messages never quote a secret of the request", () => {
  const echo = echoServer();
  before(async () => {
    await echo.listening;
    process.env.HEROKU_API_URL = echo.url();
    process.env.HEROKU_REGISTRY_URL = echo.url();
    process.env.HEROKU_API_KEY = TOKEN;
  });
  beforeEach(() => {
    echo.shape.json = true;
    echo.shape.mangled = false;
  });
  after(() => echo.stop());

  const inputs = { app: "releng-staging-mapper", vars: { DATABASE_URL: SECRET, WORKERS: "1", DEBUG: "true" } };

  it("redacts the token and config var values Heroku quotes back in a JSON error, JSON-escaped or not", async () => {
    await assert.rejects(configVarsProvider.create!(inputs), (err: Error & { herokuMessage: string }) => {
      assert.equal(
        err.message,
        'Heroku app `releng-staging-mapper`: set config vars failed with 422 invalid_params: Invalid params in [redacted] {"DATABASE_URL":"[redacted]","WORKERS":"1","DEBUG":"true"}',
      );
      assert.equal(err.herokuMessage.includes(TOKEN) || err.herokuMessage.includes("9c1e"), false);
      return true;
    });
  });

  it("redacts them in a non-JSON page too, before it is cut short", async () => {
    echo.shape.json = false;
    await assert.rejects(configVarsProvider.create!(inputs), {
      message: 'Heroku app `releng-staging-mapper`: set config vars failed with 422 http_422: <html>rejected: [redacted] {"DATABASE_URL":"[redacted]","WORKERS":"1","DEBUG":"true"}</html>',
    });
  });

  it("fails without quoting an answer that is not JSON, which JSON.parse's message would", async () => {
    echo.shape.mangled = true;
    await assert.rejects(configVarsProvider.read!("releng-staging-mapper/config-vars", { ...inputs, tokenSecret: undefined }), {
      name: "HerokuError",
      message: "Heroku app `releng-staging-mapper`: read config vars failed with 200 invalid_json: the answer is not JSON (not shown: it may hold config var values)",
    });
  });

  it("redacts the registry's Basic credential in every form: header, base64 and decoded token", async () => {
    echo.shape.json = false;
    const image = { app: "releng-staging-mapper", repository: "web", digest: `sha256:${"a".repeat(64)}` };
    await assert.rejects(imageIdOf(TOKEN, image), (err: Error) => {
      assert.equal(err.message, `Heroku app \`releng-staging-mapper\`: read manifest web@${image.digest} failed with 422 http_422: <html>rejected: [redacted] </html>`);
      return true;
    });
  });
});

describe("redact", () => {
  it("blanks every secret of eight characters or more, longest first, and leaves short common values alone", () => {
    const table: Array<[string, string[], string]> = [
      ["bad value s3cr3t-value", ["s3cr3t-value", "1"], "bad value [redacted]"],
      ["1 of 1 must be true", ["1", "true", "short12"], "1 of 1 must be true"],
      ["token abcdefgh-ijkl and abcdefgh", ["abcdefgh", "abcdefgh-ijkl"], "token [redacted] and [redacted]"],
      ["nothing here", [], "nothing here"],
    ];
    for (const [text, secrets, expected] of table) assert.equal(redact(text, secrets), expected, text);
  });
});
