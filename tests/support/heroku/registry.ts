import type { Reply, Route } from "./server";
import { sha256 } from "./world";

/*
 * The part of the Docker Registry HTTP API v2 that a release needs: an image manifest by digest or
 * tag, whose `config.digest` is the image id Heroku releases. Errors use the registry's
 * `{errors: [{code, message}]}` bodies.
 */

const MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

export const registryRoutes: Route[] = [
  {
    method: "GET",
    template: "/v2/{app}/{repository}/manifests/{reference}",
    auth: "basic",
    handle({ params, headers }, world): Reply {
      const unknown = { status: 404, body: { errors: [{ code: "MANIFEST_UNKNOWN", message: "manifest unknown", detail: { Tag: params.reference } }] } };
      const state = world.find(params.app!);
      if (state === undefined) return { status: 404, body: { errors: [{ code: "NAME_UNKNOWN", message: "repository name not known to registry" }] } };
      const sep = params.reference!.startsWith("sha256:") ? "@" : ":";
      const found = state.manifests.get(`${params.repository}${sep}${params.reference}`);
      if (found === undefined) return unknown;
      // A client that does not ask for schema 2 would get a converted schema 1 manifest without `config`.
      if (!(headers.accept ?? "").includes(MANIFEST_V2)) {
        return { status: 200, body: { schemaVersion: 1, name: `${params.app}/${params.repository}`, fsLayers: [] }, headers: { "content-type": "application/vnd.docker.distribution.manifest.v1+prettyjws" } };
      }
      return { status: 200, body: JSON.parse(found.manifest) as unknown, headers: { "content-type": MANIFEST_V2, "docker-content-digest": `sha256:${sha256(found.manifest)}` } };
    },
  },
];
