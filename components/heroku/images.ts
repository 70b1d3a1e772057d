import { createHash } from "node:crypto";
import { send } from "./api";
import { herokuRegistryUrl } from "./env";

/*
 * Heroku releases an image by its id: the sha256 of the image *config*, which is not the manifest
 * digest a push reports. The id is read from the app's registry: the manifest at that digest names
 * its config in `config.digest`.
 */

const HEROKU_REGISTRY = "registry.heroku.com";
const MANIFEST_TYPES = ["application/vnd.docker.distribution.manifest.v2+json", "application/vnd.oci.image.manifest.v1+json"];

/** An image in an app's Heroku registry, pinned by manifest digest. */
export interface HerokuImageRef {
  app: string;
  /** Repository below the app, usually the process type: `web`. */
  repository: string;
  /** Manifest digest: `sha256:<64 hex>`. */
  digest: string;
}

/**
 * Parses `registry.heroku.com/<app>/<repository>[:tag]@sha256:<64 hex>`; returns what is wrong
 * with it as a string instead when it is not such a reference.
 */
export function parseHerokuImageRef(ref: string): HerokuImageRef | string {
  const m = /^registry\.heroku\.com\/([a-z][a-z0-9-]*)\/([a-z0-9][a-z0-9_.-]*)(?::[\w.-]+)?@(sha256:[0-9a-f]{64})$/.exec(ref);
  if (m === null) return `\`${ref}\` is not an image of a Heroku app pinned by digest: \`${HEROKU_REGISTRY}/<app>/<process type>@sha256:<64 hex digits>\``;
  return { app: m[1]!, repository: m[2]!, digest: m[3]! };
}

/** The image id (config digest) of a pushed image, read from the app's registry. */
export async function imageIdOf(token: string, image: HerokuImageRef): Promise<string> {
  const call = { app: image.app, operation: `read manifest ${image.repository}@${image.digest}` };
  const res = await send(`${herokuRegistryUrl()}/v2/${image.app}/${image.repository}/manifests/${image.digest}`, {
    headers: { accept: MANIFEST_TYPES.join(", "), authorization: `Basic ${Buffer.from(`_:${token}`).toString("base64")}` },
  }, call);
  const text = await res.text();
  // A registry must serve exactly the bytes that hash to the digest; anything else is not that image.
  const actual = `sha256:${createHash("sha256").update(text).digest("hex")}`;
  if (actual !== image.digest) throw new Error(`Heroku app \`${image.app}\`: ${call.operation}: the registry sent a manifest whose digest is ${actual}`);
  const config = (JSON.parse(text) as { config?: { digest?: unknown } }).config?.digest;
  if (typeof config !== "string" || !/^sha256:[0-9a-f]{64}$/.test(config)) {
    throw new Error(`Heroku app \`${image.app}\`: ${call.operation}: the manifest has no \`config.digest\` (is it a schema 2 image manifest?)`);
  }
  return config;
}
