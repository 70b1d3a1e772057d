import { createHash, randomUUID } from "node:crypto";

/** The state behind the local Heroku: apps, their config vars, formation, domains, releases, images. */

export interface AppRecord {
  id: string;
  name: string;
  region: { name: string };
  stack: { name: string };
  build_stack: { name: string };
  team: { name: string } | null;
  web_url: string;
  created_at: string;
}

export interface FormationRecord {
  type: string;
  command: string;
  quantity: number;
  size: string;
  docker_image: { id: string } | null;
}

export interface DomainRecord {
  id: string;
  hostname: string;
  cname: string;
  kind: "custom";
  status: string;
}

export interface ReleaseRecord {
  version: number;
  description: string;
  status: "succeeded";
}

/** What the registry stores for one pushed image. */
export interface ManifestRecord {
  manifest: string;
  configDigest: string;
}

export interface AppState {
  app: AppRecord;
  config: Record<string, string>;
  formation: Map<string, FormationRecord>;
  domains: Map<string, DomainRecord>;
  releases: ReleaseRecord[];
  /** Manifests by `<repository>@<digest>` and `<repository>:<tag>`, repository relative to the app. */
  manifests: Map<string, ManifestRecord>;
}

export class HerokuWorld {
  readonly apps = new Map<string, AppState>();

  constructor(readonly teams: string[]) {}

  /** An app by name or id. */
  find(nameOrId: string): AppState | undefined {
    return this.apps.get(nameOrId) ?? [...this.apps.values()].find((a) => a.app.id === nameOrId);
  }

  addApp(name: string, region = "us", team: string | null = null): AppState {
    const state: AppState = {
      app: {
        id: randomUUID(),
        name,
        region: { name: region },
        stack: { name: "container" },
        build_stack: { name: "container" },
        team: team === null ? null : { name: team },
        web_url: `https://${name}-${randomUUID().slice(0, 12)}.herokuapp.com/`,
        created_at: new Date().toISOString(),
      },
      config: {},
      formation: new Map(),
      domains: new Map(),
      releases: [],
      manifests: new Map(),
    };
    this.apps.set(name, state);
    this.release(state, "Initial release");
    return state;
  }

  release(state: AppState, description: string): void {
    state.releases.push({ version: state.releases.length + 1, description, status: "succeeded" });
  }

  /**
   * Stores an image as `docker push registry.heroku.com/<app>/<repository>:<tag>` would, from the
   * digest of its config (the image id); returns the manifest digest, as the push prints it.
   */
  pushImage(appName: string, repository: string, configDigest: string, tag = "latest"): string {
    const state = this.find(appName);
    if (state === undefined) throw new Error(`no app ${appName} to push to`);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: "application/vnd.docker.distribution.manifest.v2+json",
      config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 1470, digest: configDigest },
      layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 2811478, digest: `sha256:${sha256(configDigest + "layer")}` }],
    });
    const digest = `sha256:${sha256(manifest)}`;
    const record = { manifest, configDigest };
    state.manifests.set(`${repository}@${digest}`, record);
    state.manifests.set(`${repository}:${tag}`, record);
    return digest;
  }

  /** True when an image with this id was pushed to any repository of the app. */
  hasImage(state: AppState, imageId: string): boolean {
    return [...state.manifests.values()].some((m) => m.configDigest === imageId);
  }
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
