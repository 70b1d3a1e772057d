import { randomUUID } from "node:crypto";
import type { Reply, Request, Route } from "./server";
import type { AppState, FormationRecord, HerokuWorld } from "./world";

/*
 * Platform API routes (devcenter.heroku.com/articles/platform-api-reference): apps, config vars,
 * formation, domains, releases. Bodies are validated as the real API does, answering 422
 * `invalid_params` or 404 `not_found` with Heroku's messages.
 */

const DOCKER_RELEASES = "application/vnd.heroku+json; version=3.docker-releases";
const APP_NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/;

const invalid = (message: string): Reply => ({ status: 422, body: { id: "invalid_params", message } });
const notFound = (resource: string): Reply => ({ status: 404, body: { id: "not_found", message: `Couldn't find that ${resource}.`, resource } });

/** Runs `fn` on the app named in the path, or answers 404 as Heroku does. */
function withApp(fn: (state: AppState, req: Request, world: HerokuWorld) => Reply): Route["handle"] {
  return (req, world) => {
    const state = world.find(req.params.app!);
    return state === undefined ? notFound("app") : fn(state, req, world);
  };
}

function createApp(req: Request, world: HerokuWorld, teamRequired: boolean): Reply {
  const body = (req.body ?? {}) as { name?: unknown; region?: unknown; stack?: unknown; team?: unknown };
  const name = body.name;
  if (typeof name !== "string") return invalid("Name must be a string.");
  if (name.length > 30) return invalid("Name is too long (maximum is 30 characters)");
  if (!APP_NAME.test(name)) return invalid("Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.");
  if (world.find(name)) return invalid("Name is already taken");
  const region = body.region ?? "us";
  if (region !== "us" && region !== "eu") return notFound("region");
  if (body.stack !== undefined && !["container", "heroku-24", "heroku-22"].includes(body.stack as string)) return notFound("stack");
  let team: string | null = null;
  if (teamRequired) {
    if (typeof body.team !== "string" || !world.teams.includes(body.team)) return notFound("team");
    team = body.team;
  }
  const state = world.addApp(name, region, team);
  state.app.stack = state.app.build_stack = { name: (body.stack as string | undefined) ?? "heroku-24" };
  return { status: 201, body: state.app };
}

function patchConfig(state: AppState, req: Request, world: HerokuWorld): Reply {
  const body = req.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return invalid("Invalid params: config vars must be an object.");
  const entries = Object.entries(body as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (value !== null && typeof value !== "string") return invalid(`Config var ${key} must be a string or null.`);
  }
  const set = entries.filter(([, v]) => v !== null).map(([k]) => k);
  const unset = entries.filter(([k, v]) => v === null && k in state.config).map(([k]) => k);
  for (const [key, value] of entries) {
    if (value === null) delete state.config[key];
    else state.config[key] = value as string;
  }
  if (set.length > 0) world.release(state, `Set ${set.join(", ")} config vars`);
  if (unset.length > 0) world.release(state, `Remove ${unset.join(", ")} config vars`);
  return { status: 200, body: state.config };
}

function patchFormation(state: AppState, req: Request, world: HerokuWorld): Reply {
  const updates = (req.body as { updates?: unknown } | undefined)?.updates;
  if (!Array.isArray(updates) || updates.length === 0) return invalid("Invalid params: updates must be a non-empty array.");
  const docker = (req.headers.accept ?? "").includes(DOCKER_RELEASES);
  const changed: FormationRecord[] = [];
  for (const u of updates as Array<Record<string, unknown>>) {
    if (typeof u.type !== "string") return invalid("Invalid params: type is required.");
    if (u.docker_image !== undefined) {
      // Without the variant, docker_image is not part of the formation schema.
      if (!docker) return invalid(`Invalid params: docker_image is not a valid parameter. Use Accept: ${DOCKER_RELEASES} to release Docker images.`);
      if (typeof u.docker_image !== "string" || !state.manifests.size || !world.hasImage(state, u.docker_image)) return invalid(`Couldn't find the Docker image ${String(u.docker_image)} in this app's registry; push it to registry.heroku.com/${state.app.name}/<process type> first.`);
    }
    const current = state.formation.get(u.type) ?? { type: u.type, command: "", quantity: u.type === "web" ? 1 : 0, size: "basic", docker_image: null };
    const next: FormationRecord = {
      ...current,
      command: typeof u.command === "string" ? u.command : current.command,
      quantity: typeof u.quantity === "number" ? u.quantity : current.quantity,
      docker_image: typeof u.docker_image === "string" ? { id: u.docker_image } : current.docker_image,
    };
    state.formation.set(u.type, next);
    changed.push(next);
  }
  const images = changed.filter((f) => f.docker_image !== null);
  if (images.length > 0) world.release(state, `Deployed ${images.map((f) => `${f.type} (${f.docker_image!.id.slice(7, 19)})`).join(", ")}`);
  return { status: 200, body: changed };
}

function createDomain(state: AppState, req: Request): Reply {
  const body = (req.body ?? {}) as { hostname?: unknown; sni_endpoint?: unknown };
  if (typeof body.hostname !== "string" || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(body.hostname)) return invalid("hostname is invalid");
  if (!("sni_endpoint" in body)) return invalid("Require params: sni_endpoint.");
  if (state.domains.has(body.hostname)) return invalid(`${body.hostname} is currently in use by another app.`);
  const record = { id: randomUUID(), hostname: body.hostname, cname: `${body.hostname.split(".")[0]}-${randomUUID().slice(0, 8)}.herokudns.com`, kind: "custom" as const, status: "pending" };
  state.domains.set(body.hostname, record);
  return { status: 201, body: record };
}

export const platformRoutes: Route[] = [
  { method: "POST", template: "/apps", auth: "bearer", handle: (req, world) => createApp(req, world, false) },
  { method: "POST", template: "/teams/apps", auth: "bearer", handle: (req, world) => createApp(req, world, true) },
  { method: "GET", template: "/apps/{app}", auth: "bearer", handle: withApp((s) => ({ status: 200, body: s.app })) },
  {
    method: "DELETE",
    template: "/apps/{app}",
    auth: "bearer",
    handle: withApp((s, _req, world) => {
      world.apps.delete(s.app.name);
      return { status: 200, body: s.app };
    }),
  },
  { method: "GET", template: "/apps/{app}/config-vars", auth: "bearer", handle: withApp((s) => ({ status: 200, body: s.config })) },
  { method: "PATCH", template: "/apps/{app}/config-vars", auth: "bearer", handle: withApp(patchConfig) },
  { method: "PATCH", template: "/apps/{app}/formation", auth: "bearer", handle: withApp(patchFormation) },
  {
    method: "GET",
    template: "/apps/{app}/formation/{type}",
    auth: "bearer",
    handle: withApp((s, req) => {
      const f = s.formation.get(req.params.type!);
      if (f === undefined) return notFound("formation");
      // As for PATCH: docker_image is part of the formation only in the docker-releases variant.
      const { docker_image: _image, ...plain } = f;
      return { status: 200, body: (req.headers.accept ?? "").includes(DOCKER_RELEASES) ? f : plain };
    }),
  },
  {
    method: "PATCH",
    template: "/apps/{app}/formation/{type}",
    auth: "bearer",
    handle: withApp((s, req, world) => patchFormation(s, { ...req, body: { updates: [{ ...(req.body as object), type: req.params.type }] } }, world)),
  },
  { method: "GET", template: "/apps/{app}/domains", auth: "bearer", handle: withApp((s) => ({ status: 200, body: [...s.domains.values()] })) },
  { method: "POST", template: "/apps/{app}/domains", auth: "bearer", handle: withApp(createDomain) },
  {
    method: "GET",
    template: "/apps/{app}/domains/{hostname}",
    auth: "bearer",
    handle: withApp((s, req) => {
      const d = s.domains.get(req.params.hostname!);
      return d === undefined ? notFound("domain") : { status: 200, body: d };
    }),
  },
  {
    method: "DELETE",
    template: "/apps/{app}/domains/{hostname}",
    auth: "bearer",
    handle: withApp((s, req) => {
      const d = s.domains.get(req.params.hostname!);
      if (d === undefined) return notFound("domain");
      s.domains.delete(d.hostname);
      return { status: 200, body: d };
    }),
  },
  { method: "GET", template: "/apps/{app}/releases", auth: "bearer", handle: withApp((s) => ({ status: 200, body: s.releases })) },
];
