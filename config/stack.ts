import type { z } from "zod";
import { StackFileSchema, type HookConfig, type ProjectFile, type StackFile } from "./schema";
import { cronProblem } from "../components/taskcluster/cron";
import { branchSecretName, bucketNameProblem, hookId, isDeployCredential, hookPrefix, isInZone } from "./names";

/** A project of the branch, with everything that follows from its config resolved. */
export interface Project extends ProjectFile {
  /** Project id, e.g. `tooltool/api`. */
  id: string;
  /** Public URL (`https://<first domain>`), when the project serves one. */
  url?: string;
  /** Hook ids of this project, in the order of `hooks`. */
  hookIds: string[];
}

/** The validated configuration of one stack; the only view of config the program has. */
export interface StackConfig extends Omit<StackFile, "projects" | "taskcluster"> {
  /** The stack name, which is the git branch. */
  stack: string;
  branch: string;
  /** The stack file the values came from, for messages. */
  file: string;
  taskcluster: StackFile["taskcluster"] & { secret: string; hookPrefix: string };
  /** Projects sorted by id. */
  projects: Project[];
}

/** One thing wrong with a stack file. */
export interface ConfigProblem {
  /** Project id, when the problem is inside a project. */
  project?: string;
  /** Dotted field path, relative to the project when there is one. */
  field: string;
  message: string;
}

/** All the problems of one stack file, reported together. */
export class ConfigError extends Error {
  constructor(
    readonly stackName: string,
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `Stack \`${stackName}\` (${file}) has ${problems.length} configuration ${problems.length === 1 ? "error" : "errors"}:\n` +
        problems.map((p) => `  - ${describe(p)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

function describe(p: ConfigProblem): string {
  const where = p.project === undefined ? `field \`${p.field}\`` : `project \`${p.project}\`, field \`${p.field}\``;
  return `${where}: ${p.message}`;
}

/**
 * Validates the `releng-infra:` config of a stack (keys without the namespace) and resolves what
 * follows from it. Throws one ConfigError listing every problem.
 */
export function parseStackConfig(stack: string, file: string, raw: Record<string, unknown>): StackConfig {
  const parsed = StackFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(stack, file, parsed.error.issues.map(toProblem));
  const config = resolve(stack, file, parsed.data);
  const problems = crossCheck(config);
  if (problems.length > 0) throw new ConfigError(stack, file, problems);
  return config;
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    path.push(...issue.keys);
  }
  const message =
    issue.code === "unrecognized_keys"
      ? "is not a known setting (check its spelling and indentation)"
      : issue.code === "invalid_type" && issue.message.endsWith("received undefined")
        ? `is required (${issue.expected})`
        : issue.message;
  if (path[0] === "projects" && path.length > 1) {
    return { project: path[1], field: path.slice(2).join(".") || "(the project)", message };
  }
  return { field: path.join(".") || "(the stack file)", message };
}

function resolve(stack: string, file: string, data: StackFile): StackConfig {
  const prefix = data.taskcluster.hookPrefix ?? hookPrefix(stack);
  const projects = Object.entries(data.projects)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, p]): Project => {
      const domain = p.heroku?.domains[0] ?? p.frontend?.domains[0];
      // Branch-wide secret keys come first; a project listing one again is not an error.
      const heroku = p.heroku && { ...p.heroku, secrets: [...new Set([...data.herokuDefaults.secrets, ...p.heroku.secrets])] };
      return {
        ...p,
        heroku,
        id,
        url: domain === undefined ? undefined : `https://${domain}`,
        hookIds: p.hooks.map((h: HookConfig) => hookId(prefix, id, h.suffix)),
      };
    });
  return {
    ...data,
    stack,
    branch: stack,
    file,
    taskcluster: { ...data.taskcluster, secret: data.taskcluster.secret ?? branchSecretName(stack), hookPrefix: prefix },
    projects,
  };
}

/** Rules that involve more than one field. */
function crossCheck(config: StackConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const byId = new Map(config.projects.map((p) => [p.id, p]));
  const zones = Object.keys(config.aws.zones);
  const seenDomains = new Map<string, string>();
  const seenApps = new Map<string, string>();
  const seenHooks = new Map<string, string>();
  const seenBuckets = new Map<string, string>();

  const checkDomain = (project: string, field: string, domain: string) => {
    if (!zones.some((zone) => isInZone(domain, zone))) {
      problems.push({ project, field, message: `\`${domain}\` is outside this branch's zones (${zones.join(", ") || "none: add them under `aws.zones`"})` });
    }
    const other = seenDomains.get(domain);
    if (other !== undefined) problems.push({ project, field, message: `\`${domain}\` is also used by project \`${other}\`` });
    seenDomains.set(domain, project);
  };

  for (const p of config.projects) {
    if (p.heroku) {
      const other = seenApps.get(p.heroku.app);
      if (other !== undefined) problems.push({ project: p.id, field: "heroku.app", message: `\`${p.heroku.app}\` is also the app of project \`${other}\`` });
      seenApps.set(p.heroku.app, p.id);
      p.heroku.domains.forEach((d, i) => checkDomain(p.id, `heroku.domains.${i}`, d));
      for (const key of p.heroku.secrets) {
        if (isDeployCredential(key)) {
          problems.push({ project: p.id, field: "heroku.secrets", message: `\`${key}\` is a deploy credential and must never reach an app's config vars` });
        }
      }
      const plain = Object.keys(p.heroku.config);
      for (const key of Object.keys(p.heroku.generatedSecrets)) {
        if (plain.includes(key) || p.heroku.secrets.includes(key)) {
          problems.push({ project: p.id, field: `heroku.generatedSecrets.${key}`, message: "is also set by `heroku.config` or `heroku.secrets`; keep one source per key" });
        }
      }
      for (const key of plain.filter((k) => p.heroku!.secrets.includes(k))) {
        problems.push({ project: p.id, field: `heroku.config.${key}`, message: "is also listed in `heroku.secrets`; keep one source per key" });
      }
    }
    if (p.frontend) {
      const bucketProblem = bucketNameProblem(p.frontend.bucket);
      if (bucketProblem) problems.push({ project: p.id, field: "frontend.bucket", message: `\`${p.frontend.bucket}\` ${bucketProblem}` });
      const bucketOwner = seenBuckets.get(p.frontend.bucket);
      if (bucketOwner !== undefined) problems.push({ project: p.id, field: "frontend.bucket", message: `\`${p.frontend.bucket}\` is also the bucket of project \`${bucketOwner}\`` });
      seenBuckets.set(p.frontend.bucket, p.id);
      p.frontend.domains.forEach((d, i) => checkDomain(p.id, `frontend.domains.${i}`, d));
      p.frontend.requires.forEach((required, i) => {
        const target = byId.get(required);
        if (target === undefined) {
          problems.push({ project: p.id, field: `frontend.requires.${i}`, message: `\`${required}\` is not a project of this branch` });
        } else if (target.url === undefined) {
          problems.push({ project: p.id, field: `frontend.requires.${i}`, message: `\`${required}\` has no domain, so it has no URL to connect to` });
        }
      });
    }
    if (p.heroku === undefined && p.frontend === undefined && p.hooks.length === 0) {
      problems.push({ project: p.id, field: "(the project)", message: "deploys nothing: give it `heroku`, `frontend` or `hooks`" });
    }
    if (p.image !== undefined && p.heroku === undefined && p.hooks.length === 0) {
      problems.push({ project: p.id, field: "image", message: "is only used by `heroku` and `hooks`, and this project has neither" });
    }
    p.hooks.forEach((hook, i) => {
      hook.schedule.forEach((pattern, j) => {
        const problem = cronProblem(pattern);
        if (problem) problems.push({ project: p.id, field: `hooks.${i}.schedule.${j}`, message: problem });
      });
      if (hook.taskQueueId !== undefined && (hook.provisionerId !== undefined || hook.workerType !== undefined)) {
        problems.push({ project: p.id, field: `hooks.${i}.taskQueueId`, message: "Only one of `taskQueueId` or `provisionerId`/`workerType` can be provided." });
      }
    });
    p.hookIds.forEach((id, i) => {
      if (id.length > 1000) problems.push({ project: p.id, field: `hooks.${i}.suffix`, message: `makes hook id \`${id}\` longer than 1000 characters` });
      const other = seenHooks.get(id);
      if (other !== undefined) problems.push({ project: p.id, field: `hooks.${i}.suffix`, message: `makes hook id \`${id}\`, which project \`${other}\` declares too` });
      seenHooks.set(id, p.id);
    });
  }
  return problems;
}
