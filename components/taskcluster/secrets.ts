import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { DEPLOY_CREDENTIAL_KEYS, isDeployCredential, SYNTH_ENV, type StackConfig } from "../../config";
import { hasAccess, taskclusterAccess } from "./access";
import { getSecret } from "./secretFetch";
import { badShape, missingKeysError, noCredentials, SecretsError, type SecretSource } from "./secretErrors";
import { asString, COMMON, missingKeys, placeholder, projectValues, shapeProblems, type SecretSections } from "./secretValues";

export { isPlaceholder } from "./secretValues";
export { SecretsError } from "./secretErrors";

/*
 * The branch secret (`common` plus one section per project), read from Taskcluster once per program
 * run, during preview as well as up, so a preview already shows what a change of secret does. Values
 * leave this module only as secret Outputs, and only the keys a caller names.
 */

export { SYNTH_ENV } from "../../config/names";

/** Looks a key up: in a project's view (`common` overlaid by its section), or in `common` alone. */
type Lookup = (projectId: string | undefined, key: string) => string | undefined;

/** The values of the branch secret, handed out per project as secret Outputs. */
export class BranchSecrets {
  /** Private, so neither `console.log`, JSON nor Pulumi's closure serializer can reach a value. */
  readonly #lookup: Lookup;

  constructor(
    /** The secret's name, plain: it is not secret, and hooks and apps receive it. */
    readonly name: string,
    private readonly stackName: string,
    private readonly projectIds: readonly string[],
    lookup: Lookup,
  ) {
    this.#lookup = lookup;
  }

  /**
   * The named keys of a project's view of the secret, each a secret Output; non-string JSON values
   * as their JSON text. Deploy credentials are refused: they never reach a project's resources.
   */
  forProject(projectId: string, keys: readonly string[]): Record<string, pulumi.Output<string>> {
    if (!this.projectIds.includes(projectId)) {
      throw this.error(`\`${projectId}\` is not a project of this stack, so it has no view of secret \`${this.name}\``);
    }
    const credentials = keys.filter(isDeployCredential);
    if (credentials.length > 0) {
      throw this.error(`project \`${projectId}\` asked for ${credentials.map((k) => `\`${k}\``).join(", ")}: deploy credentials reach registry logins and deploy tooling only, never a project's resources`);
    }
    return Object.fromEntries(keys.map((key) => [key, pulumi.secret(this.value(projectId, key))]));
  }

  /** A deploy credential from `common`, as a secret Output, for registry logins and deploy tooling. */
  deployCredential(key: string): pulumi.Output<string> {
    if (!DEPLOY_CREDENTIAL_KEYS.includes(key)) {
      throw this.error(`\`${key}\` is not a deploy credential (${DEPLOY_CREDENTIAL_KEYS.join(", ")}); a project reads its keys with forProject`);
    }
    return pulumi.secret(this.value(undefined, key));
  }

  private value(projectId: string | undefined, key: string): string {
    const value = this.#lookup(projectId, key);
    if (value !== undefined) return value;
    const where = projectId === undefined ? `its \`${COMMON}\` section` : `\`${COMMON}\` or section \`${projectId}\``;
    throw this.error(`Taskcluster secret \`${this.name}\` has no key \`${key}\` in ${where}; declare the keys a project reads (\`heroku.secrets\`) so they are checked before anything is deployed`);
  }

  private error(message: string): SecretsError {
    return new SecretsError(this.stackName, this.name, message);
  }
}

const loaded = new Map<string, Promise<BranchSecrets>>();

/**
 * Reads the stack's branch secret once per program run (later calls share the first read) and
 * checks that it holds every key a project declares, so every error comes before any resource.
 * Credentials come from the environment at call time: TASKCLUSTER_ROOT_URL (else the stack file's
 * `taskcluster.rootUrl`), TASKCLUSTER_CLIENT_ID, TASKCLUSTER_ACCESS_TOKEN, or TASKCLUSTER_PROXY_URL.
 */
export function loadBranchSecrets(config: StackConfig): Promise<BranchSecrets> {
  const key = `${config.stack}\n${config.taskcluster.secret}`;
  let secrets = loaded.get(key);
  if (secrets === undefined) {
    secrets = load(config);
    loaded.set(key, secrets);
  }
  return secrets;
}

async function load(config: StackConfig): Promise<BranchSecrets> {
  const name = config.taskcluster.secret;
  const projectIds = config.projects.map((p) => p.id);
  if (offlineSynth(config)) {
    return new BranchSecrets(name, config.stack, projectIds, (_, key) => placeholder(key));
  }
  const access = taskclusterAccess(process.env, config.taskcluster.rootUrl);
  const where = { stack: config.stack, file: config.file, secret: name, rootUrl: access.rootUrl };
  if (!hasAccess(access)) throw noCredentials(where, access.missing);
  const caller = access.via === "proxy" ? `the task's proxy at ${access.who}` : `client \`${access.who}\``;
  const source: SecretSource = { ...where, caller, via: access.via };

  const value = await getSecret(access, source);
  const problems = shapeProblems(value, projectIds);
  if (problems.length > 0) throw badShape(source, problems);
  const sections = value as SecretSections;
  const missing = missingKeys(sections, config);
  if (missing.length > 0) throw missingKeysError(source, missing);

  return new BranchSecrets(name, config.stack, projectIds, (projectId, key) => {
    const values = projectId === undefined ? (sections[COMMON] ?? {}) : projectValues(sections, projectId);
    return Object.hasOwn(values, key) ? asString(values[key]) : undefined;
  });
}

/**
 * Offline synth: RELENG_INFRA_SYNTH set and the program running under Pulumi's mock runtime. Under
 * a real engine the variable is an error, since placeholders must never be deployed.
 */
export function offlineSynth(config: StackConfig): boolean {
  if (!process.env[SYNTH_ENV]) return false;
  if (pulumi.runtime.getMonitor() instanceof MockMonitor) return true;
  throw new SecretsError(
    config.stack,
    config.taskcluster.secret,
    `${SYNTH_ENV} is set, but this is a real Pulumi deployment: offline synth hands out placeholders instead of the values of secret \`${config.taskcluster.secret}\`, and those must never be deployed. Unset ${SYNTH_ENV} (\`npm run synth\` sets it itself).`,
  );
}
