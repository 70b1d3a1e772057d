import { z } from "zod";
import { DOMAIN_NAME, HEROKU_APP_NAME } from "./names";

/*
 * The shape of `Pulumi.<branch>.yaml`. Every key lives under the `releng-infra:` namespace; see the
 * README for an annotated example. Objects are strict so a misspelt key is an error rather than a
 * silently ignored setting.
 */

const domain = z.string().regex(DOMAIN_NAME, "must be a lowercase DNS name such as `tokens.mozilla-releng.net`");
const email = z.email("must be an email address");
const cron = z.string().min(1);

/** Keys read from the branch secret (`common` overlaid by the project's section). */
const secretKeys = z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an UPPER_SNAKE_CASE key")).default([]);

/** Where a project's Docker image comes from. */
export const ImageSchema = z.union([
  z.strictObject({
    /** Build context, relative to the monorepo root. Default: `src/<project>`. */
    context: z.string().min(1).optional(),
    /** Dockerfile, relative to the monorepo root. Default: `<context>/Dockerfile`. */
    dockerfile: z.string().min(1).optional(),
    /** Build arguments. Default: none. */
    args: z.record(z.string(), z.string()).default({}),
  }),
  z.strictObject({
    /** An image that already exists, pinned by digest: `repo@sha256:<64 hex>`. */
    ref: z.string().regex(/^[^@\s]+@sha256:[0-9a-f]{64}$/, "must be pinned by digest: `<repository>@sha256:<64 hex digits>`"),
  }),
]);

/** A process type of a Heroku app, released from the project's image. */
export const DynoSchema = z.strictObject({
  /** Command run by this dyno type. Default: the image's CMD. */
  command: z.string().min(1).optional(),
});

/** A random value generated once and kept in state, e.g. `SECRET_KEY_BASE64`. */
export const GeneratedSecretSchema = z.strictObject({
  /** Number of random bytes. Default: 64. */
  bytes: z.number().int().min(16).max(512).default(64),
  /** Encoding of the value. Default: base64. */
  encoding: z.enum(["base64", "hex"]).default("base64"),
  /** Change this to rotate the value. Default: "1". */
  keeper: z.string().min(1).default("1"),
});

export const HerokuSchema = z.strictObject({
  /** The Heroku app name (at most 30 characters). */
  app: z.string().regex(HEROKU_APP_NAME, "must be 3-30 lowercase letters, digits or dashes, starting with a letter"),
  /** Heroku region. Default: `us`. */
  region: z.enum(["us", "eu"]).default("us"),
  /** Heroku team owning the app. Default: the API token's personal account. */
  team: z.string().min(1).optional(),
  /** Custom domains; the first is the project's public URL. Default: none (the herokuapp.com URL). */
  domains: z.array(domain).default([]),
  /** Process types and their commands. Default: `{web: {}}`. */
  dynos: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, "must be a Heroku process type such as `web`"), DynoSchema).default({ web: {} }),
  /** Plain (non-secret) config vars. `APP_CHANNEL` is set to the branch unless given here. */
  config: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).default({}),
  /** Config vars whose values come from the branch secret. */
  secrets: secretKeys,
  /** Config vars generated at random and kept in state. */
  generatedSecrets: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), GeneratedSecretSchema).default({}),
});

export const FrontendSchema = z.strictObject({
  /** S3 bucket holding the built site. */
  bucket: z.string().min(1),
  /** Domains served by CloudFront; the first is the project's public URL. */
  domains: z.array(domain).min(1),
  /** Extra origins for the CSP `connect-src` (host names or URLs). Default: none. */
  connectSrc: z.array(z.string().min(1)).default([]),
  /** Projects of this branch whose URLs go into `connect-src` (and the front end's runtime config). */
  requires: z.array(z.string().min(1)).default([]),
});

export const HookSchema = z.strictObject({
  /** Appended to `services-<branch>-<project>` to make the hook id. Default: "". */
  suffix: z.string().regex(/^[a-zA-Z0-9-_/]*$/).default(""),
  /** Hook name shown in the UI. Default: the hook id. */
  name: z.string().min(1).max(255).optional(),
  /** Default: a sentence naming project and branch. */
  description: z.string().min(1).optional(),
  /** Email of the owner, who gets failure mail. */
  owner: email,
  /** Mail the owner when the task fails. Default: true. */
  emailOnError: z.boolean().default(true),
  /** Taskcluster cron patterns (5 fields, or 6 with seconds first). Default: none. */
  schedule: z.array(cron).default([]),
  /** Pulse bindings that fire the hook. Default: none. */
  bindings: z.array(z.strictObject({ exchange: z.string().min(1), routingKeyPattern: z.string().min(1) })).default([]),
  /** Command run in the project's image; `{secret}` and `{branch}` are replaced. */
  command: z.array(z.string()).min(1),
  /** Environment of the task; `{secret}` and `{branch}` are replaced. Default: none. */
  env: z.record(z.string(), z.string()).default({}),
  /** Merge the trigger payload into `env` (JSON-e `$merge`). Default: false. */
  mergePayloadIntoEnv: z.boolean().default(false),
  /** Extra task scopes; `secrets:get:<branch secret>` is always added. Default: none. */
  scopes: z.array(z.string()).default([]),
  /** Scopes of the hook's role (`assume:hook-id:<group>/<id>`), when known, checked by preflight. */
  roleScopes: z.array(z.string()).optional(),
  /** Task routes. Default: none. */
  routes: z.array(z.string()).default([]),
  /** A docker-worker cache: `{name, path}`; `{branch}` is replaced in the name. Default: none. */
  cache: z.strictObject({ name: z.string().min(1), path: z.string().min(1) }).optional(),
  /** Artifacts by name: `{path, type}`. Default: none. */
  artifacts: z.record(z.string(), z.strictObject({ path: z.string().min(1), type: z.enum(["file", "directory"]).default("directory") })).default({}),
  /** Seconds the task may run. */
  maxRunTime: z.number().int().positive(),
  /** JSON-e `$fromNow` offset of the deadline, e.g. `4 hours`. */
  deadline: z.string().min(1),
  /** JSON-e `$fromNow` offset of the expiry. Default: the branch's `hookDefaults.expires`. */
  expires: z.string().min(1).optional(),
  /** Worker pool. Default: the branch's `hookDefaults`. */
  provisionerId: z.string().min(1).optional(),
  workerType: z.string().min(1).optional(),
  /** Task queue `<provisionerId>/<workerType>` (the Queue's newer name for the pair); excludes both. Default: the pair. */
  taskQueueId: z.string().regex(/^[a-zA-Z0-9-_]{1,38}\/[a-z]([-a-z0-9]{0,36}[a-z0-9])?$/, "must be `<provisionerId>/<workerType>`, as the Queue's taskQueueId pattern allows").optional(),
  /** Default: the branch's `hookDefaults.priority`. */
  priority: z.enum(["highest", "very-high", "high", "medium", "low", "very-low", "lowest"]).optional(),
  /** Default: the branch's `hookDefaults.retries`. */
  retries: z.number().int().min(0).max(49).optional(),
  /** JSON schema of the trigger payload. Default: any object. */
  triggerSchema: z.record(z.string(), z.unknown()).default({ type: "object", additionalProperties: true }),
  /** A payload used by preflight to render the `triggerHook` context. Default: `{}`. */
  samplePayload: z.record(z.string(), z.unknown()).default({}),
  /**
   * Pulse messages by exchange, as the hooks service receives them (`{payload, routingKey?, routes?}`;
   * only `payload` reaches the task template), used by preflight to render the `pulseMessage`
   * context. Default per binding: a message shaped like the Queue's for its task exchanges, else `{payload: {}}`.
   */
  samplePulseMessages: z
    .record(z.string(), z.strictObject({ payload: z.record(z.string(), z.unknown()), routingKey: z.string().optional(), routes: z.array(z.string()).optional() }))
    .default({}),
});

export const ProjectSchema = z.strictObject({
  /** Image of the project. Default: built from `src/<project>` when it has a Heroku app or hooks. */
  image: ImageSchema.optional(),
  heroku: HerokuSchema.optional(),
  frontend: FrontendSchema.optional(),
  hooks: z.array(HookSchema).default([]),
});

export const TaskclusterSchema = z.strictObject({
  /** Root URL of the deployment, e.g. `https://firefox-ci-tc.services.mozilla.com`. */
  rootUrl: z.url({ protocol: /^https?$/ }),
  /** The branch secret. Default: `repo:github.com/mozilla-releng/services:branch:<branch>`. */
  secret: z.string().min(1).optional(),
  /** Hook group. Default: `project-releng`. */
  hookGroupId: z.string().regex(/^[a-zA-Z0-9-_]+$/).default("project-releng"),
  /** Hook-id prefix this stack owns. Default: `services-<branch>-`. */
  hookPrefix: z.string().regex(/^[a-zA-Z0-9-_/]+$/).optional(),
  /** Delete hooks under the prefix that this stack does not declare. Default: false (warn only). */
  pruneUnmanagedHooks: z.boolean().default(false),
  /** Task template values shared by every hook of the branch. */
  hookDefaults: z.strictObject({
    provisionerId: z.string().min(1).default("aws-provisioner-v1"),
    workerType: z.string().min(1).default("releng-svc"),
    // 2019's `normal` was the default that needed no extra scope; today's Queue treats the legacy
    // `normal` as `lowest`, which is also its default and needs no `queue:create-task:<priority>` scope.
    priority: z.enum(["highest", "very-high", "high", "medium", "low", "very-low", "lowest"]).default("lowest"),
    retries: z.number().int().min(0).max(49).default(5),
    expires: z.string().min(1).default("1 month"),
  }).prefault({}),
});

export const AwsSchema = z.strictObject({
  /** Region of buckets and IAM. Certificates for CloudFront always go to us-east-1. Default: us-east-1. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).default("us-east-1"),
  /** DNS zones this branch may use, with the Route 53 zone id when the records should be created. */
  zones: z.record(domain, z.strictObject({ zoneId: z.string().min(1).optional() })).default({}),
});

export const DockerSchema = z.strictObject({
  /** Docker Hub repository for hook images. Default: `mozillareleng/services`. */
  repository: z.string().min(1).default("mozillareleng/services"),
  /** Platform of built images. Default: linux/amd64 (Heroku and the workers run amd64). */
  platform: z.string().default("linux/amd64"),
});

/** Settings shared by every Heroku app of the branch. */
export const HerokuDefaultsSchema = z.strictObject({
  /** Branch-secret keys every app gets as config vars (e.g. `SENTRY_DSN`). Default: none. */
  secrets: secretKeys,
});

export const StackFileSchema = z.strictObject({
  /** The monorepo, used as hook `metadata.source`. */
  repository: z.url().default("https://github.com/mozilla-releng/services"),
  /** Protect stateful and public resources from deletion (production). Default: false. */
  protect: z.boolean().default(false),
  taskcluster: TaskclusterSchema,
  aws: AwsSchema.prefault({}),
  docker: DockerSchema.prefault({}),
  herokuDefaults: HerokuDefaultsSchema.prefault({}),
  /** What the branch deploys, keyed by project id (`tooltool/api`). */
  projects: z.record(z.string().regex(/^[a-z0-9][a-z0-9_/-]*$/, "must be a project id such as `tooltool/api`"), ProjectSchema),
});

export type StackFile = z.output<typeof StackFileSchema>;
export type ProjectFile = z.output<typeof ProjectSchema>;
export type ImageConfig = z.output<typeof ImageSchema>;
export type HerokuConfig = z.output<typeof HerokuSchema>;
export type FrontendConfig = z.output<typeof FrontendSchema>;
export type HookConfig = z.output<typeof HookSchema>;
export type GeneratedSecretConfig = z.output<typeof GeneratedSecretSchema>;
