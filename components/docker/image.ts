import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ImageConfig } from "../../config/schema";
import { buildPaths, imageTag, pinned } from "./tags";

/*
 * A project's Docker image, built from its folder of the monorepo (or an existing image pinned by
 * digest), pushed to each registry that runs it: the Heroku app's registry per process type, and
 * Docker Hub for hooks. Each `push` returns the digest-pinned reference, the only form consumers
 * get. Builds are skipped during preview (`buildOnPreview: false`): the digest is then unknown.
 */

/** A registry login; values are secret Inputs from the branch secret. */
export interface RegistryLogin {
  /** Registry host: `registry.heroku.com`, `docker.io`. */
  server: string;
  username: pulumi.Input<string>;
  password: pulumi.Input<string>;
}

export interface PushTarget {
  /** Repository without tag: `registry.heroku.com/<app>/web`, `mozillareleng/services`. */
  repository: string;
  login: RegistryLogin;
  /** The repository holds several projects' images, so tags start with the project. Default: false. */
  shared?: boolean;
}

export interface ProjectImageArgs {
  /** Project id, e.g. `tooltool/api`. */
  project: string;
  /** The project's `image` setting. Omitted: built from `src/<project>/Dockerfile`. */
  image?: ImageConfig;
  /** The branch, for tags. */
  branch: string;
  /** The monorepo commit built, for tags (see `gitCommit`). Required unless `image.ref` is given. */
  commit?: string;
  /** Platform of the build, e.g. `linux/amd64`. */
  platform: string;
}

export class ProjectImage extends pulumi.ComponentResource {
  /** The existing image, when the stack file gives `image.ref`. */
  readonly ref?: string;
  private readonly name: string;
  private readonly args: ProjectImageArgs;
  private source?: docker.RemoteImage;

  constructor(name: string, args: ProjectImageArgs, opts?: pulumi.ComponentResourceOptions) {
    super("releng-infra:docker:Image", name, {}, opts);
    this.name = name;
    this.args = args;
    this.ref = args.image !== undefined && "ref" in args.image ? args.image.ref : undefined;
    if (this.ref === undefined && !args.commit) throw new Error(`Image of project \`${args.project}\`: a build needs the commit for its tags (see gitCommit).`);
    this.registerOutputs({ ref: this.ref });
  }

  /** The image for consumers that pull from anywhere (hook tasks): an existing image as it is, else the build pushed to `target`. */
  pullable(key: string, target: PushTarget): pulumi.Output<string> {
    return this.ref !== undefined ? pulumi.output(this.ref) : this.push(key, target);
  }

  /**
   * Puts the image in `target.repository` and returns `repository@sha256:...`. `key` names the
   * resources (`heroku-web`, `hub`); `dependsOn` holds what must exist first and whose
   * replacement empties the registry (the Heroku app): the push is replaced with it.
   */
  push(key: string, target: PushTarget, dependsOn: pulumi.Resource[] = []): pulumi.Output<string> {
    // Tagged with the commit built, or with the digest of an existing image.
    const version = this.ref?.split("@sha256:")[1] ?? this.args.commit!;
    const imageName = `${target.repository}:${imageTag(this.args.branch, version, target.shared ? this.args.project : undefined)}`;
    // The pushed image lives in the target's registry (a Heroku app's): when that is replaced, the
    // new one is empty, so the push is replaced with it.
    const opts = { parent: this, dependsOn, replaceWith: dependsOn };
    if (this.ref === undefined) {
      const paths = buildPaths(this.args.project, this.args.image as Extract<ImageConfig, { args: unknown }> | undefined);
      const built = new docker.Image(`${this.name}-${key}`, {
        build: { ...paths, platform: this.args.platform, args: (this.args.image as { args?: Record<string, string> } | undefined)?.args ?? {} },
        imageName,
        registry: { server: target.login.server, username: target.login.username, password: pulumi.secret(target.login.password) },
        buildOnPreview: false,
      }, opts);
      return built.repoDigest.apply((d) => pinned(target.repository, d));
    }
    // An existing image is copied: pulled once, tagged for the target, pushed there.
    this.source ??= new docker.RemoteImage(`${this.name}-source`, { name: this.ref, platform: this.args.platform, keepLocally: true }, { parent: this });
    const tagged = new docker.Tag(`${this.name}-${key}-tag`, { sourceImage: this.source.repoDigest, targetImage: imageName }, opts);
    const pushed = new docker.RegistryImage(`${this.name}-${key}`, {
      name: tagged.targetImage,
      authConfig: { address: target.login.server, username: target.login.username, password: pulumi.secret(target.login.password) },
      triggers: { source: this.ref },
      keepRemotely: true,
    }, opts);
    return pushed.sha256Digest.apply((d) => pinned(target.repository, d));
  }
}
