import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { ProjectImage } from "../../components/docker";

/*
 * An image pushed to a Heroku app's registry lives and dies with the app: when the app is
 * replaced (region or team change), the new app's registry is empty and the Release would name a
 * digest it does not have. The push must be replaced with the app (`replaceWith`), which the
 * engine honours and the mock runtime only records, so the options are read at registration.
 */

const DIGEST = `sha256:${"1".repeat(64)}`;
const LOGIN = { server: "registry.heroku.com", username: "_", password: "heroku-password" };

/** Stands in for the Heroku app whose registry the image is pushed to. */
class RegistryOwner extends pulumi.CustomResource {
  constructor(name: string) {
    super("test:index:App", name, {});
  }
}

describe("images pushed next to the resource they live in", () => {
  const replaceWith = new Map<string, string[]>();
  before(async () => {
    await pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) }, "releng-infra", "staging", true);
    await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        const names = (args.opts as pulumi.CustomResourceOptions).replaceWith?.map((r) => (r as unknown as { __name: string }).__name) ?? [];
        replaceWith.set(`${args.type}::${args.name}`, names);
        return undefined;
      });
      const app = new RegistryOwner("app");
      const built = new ProjectImage("built", { project: "tooltool/api", branch: "staging", commit: "0123456789abcdef", platform: "linux/amd64" });
      built.push("heroku-web", { repository: "registry.heroku.com/releng-staging-tooltool/web", login: LOGIN }, [app]);
      const copied = new ProjectImage("copied", { project: "tooltool/api", image: { ref: `mozillareleng/services@${DIGEST}` }, branch: "staging", platform: "linux/amd64" });
      copied.push("heroku-web", { repository: "registry.heroku.com/releng-staging-tooltool/web", login: LOGIN }, [app]);
      return {};
    });
  });

  it("replaces a built image's push whenever the app it was pushed into is replaced", () => {
    assert.deepStrictEqual(replaceWith.get("docker:index/image:Image::built-heroku-web"), ["app"]);
  });

  it("replaces the push of an existing image whenever the app it was pushed into is replaced", () => {
    assert.deepStrictEqual(replaceWith.get("docker:index/registryImage:RegistryImage::copied-heroku-web"), ["app"]);
  });

  it("does not tie the pulled source image to any app", () => {
    assert.deepStrictEqual(replaceWith.get("docker:index/remoteImage:RemoteImage::copied-source"), []);
  });
});
