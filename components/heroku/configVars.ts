import * as pulumi from "@pulumi/pulumi";
import { isDeployCredential } from "../../config/names";
import { herokuApi, isNotFound } from "./api";
import { diffFields, failure, isUnknown } from "./diff";
import { isPlaceholder } from "../taskcluster/secretValues";
import { herokuToken } from "./token";

/*
 * The config vars of an app that the stack declares, and only those: keys set by others (an
 * add-on's DATABASE_URL, a developer's experiment) are never read into state nor written.
 *   create  PATCH /apps/<app>/config-vars {declared keys}
 *   read    GET /apps/<app>/config-vars   (declared keys only: drift of their values)
 *   update  PATCH with the changed keys, and `null` for keys no longer declared (Heroku unsets them)
 *   delete  PATCH with `null` for every declared key (the app being gone is fine)
 * Values are secrets: the resource marks `vars` secret in state, and no message ever shows one.
 */

export interface ConfigVarsArgs {
  /** Name of the app. */
  app: pulumi.Input<string>;
  /** The declared config vars; pass secret values as secret Outputs. */
  vars: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Name of the branch secret whose `common.HEROKU_PASSWORD` is used when HEROKU_API_KEY is unset. */
  tokenSecret?: pulumi.Input<string | undefined>;
}

export interface ConfigVarsInputs {
  app: string;
  vars: Record<string, string>;
  tokenSecret?: string;
}

/**
 * The PATCH body taking config vars from `olds` to `news`: keys added or changed with their new
 * value, keys dropped as `null`, unchanged keys left out. E.g. `({A:"1",B:"2"}, {A:"3"})` gives
 * `{A:"3", B:null}`.
 */
export function configVarsPatch(olds: Record<string, string>, news: Record<string, string>): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(news)) if (olds[key] !== value) patch[key] = value;
  for (const key of Object.keys(olds)) if (!(key in news)) patch[key] = null;
  return patch;
}

async function apply(inputs: { app: string; tokenSecret?: string }, patch: Record<string, string | null>, operation: string): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  const token = await herokuToken(inputs.tokenSecret);
  const redact = Object.values(patch).filter((v): v is string => v !== null);
  await herokuApi(token, { app: inputs.app, operation, method: "PATCH", path: `/apps/${inputs.app}/config-vars`, body: patch, redact });
}

export const configVarsProvider: pulumi.dynamic.ResourceProvider<ConfigVarsInputs, ConfigVarsInputs> = {
  async check(_olds, news) {
    const failures = [];
    for (const [key, value] of Object.entries(isUnknown(news.vars) && typeof news.vars !== "object" ? {} : news.vars)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) failures.push(failure(`vars.${key}`, `\`${key}\` is not a config var name`));
      if (isDeployCredential(key)) failures.push(failure(`vars.${key}`, `\`${key}\` is a deploy credential and must never reach an app's config vars`));
      if (typeof value !== "string") failures.push(failure(`vars.${key}`, "must be a string"));
      if (isPlaceholder(value)) failures.push(failure(`vars.${key}`, "holds an offline-synth placeholder, not the branch secret's value: deploy with access to the branch secret"));
    }
    return { inputs: news, failures };
  },
  async diff(_id, olds, news) {
    return diffFields<ConfigVarsInputs>(olds, news, ["app", "vars", "tokenSecret"], ["app"]);
  },
  async create(inputs) {
    await apply(inputs, configVarsPatch({}, inputs.vars), "set config vars");
    return { id: `${inputs.app}/config-vars`, outs: inputs };
  },
  async read(id, props) {
    if (props === undefined) return {};
    const token = await herokuToken(props.tokenSecret);
    let remote: Record<string, string>;
    try {
      remote = await herokuApi(token, { app: props.app, operation: "read config vars", method: "GET", path: `/apps/${props.app}/config-vars` });
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
    const vars = Object.fromEntries(Object.keys(props.vars).filter((k) => k in remote).map((k) => [k, remote[k]!]));
    const outs = { ...props, vars };
    return { id, props: outs, inputs: outs };
  },
  async update(_id, olds, news) {
    await apply(news, configVarsPatch(olds.vars, news.vars), "update config vars");
    return { outs: news };
  },
  async delete(_id, props) {
    try {
      await apply(props, configVarsPatch(props.vars, {}), "unset config vars");
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};

/** The declared config vars of an app (type `pulumi-nodejs:dynamic/heroku:ConfigVars`). */
export class ConfigVars extends pulumi.dynamic.Resource {
  declare readonly vars: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: ConfigVarsArgs, opts?: pulumi.CustomResourceOptions) {
    super(configVarsProvider, name, args, pulumi.mergeOptions(opts, { additionalSecretOutputs: ["vars"] }), "heroku", "ConfigVars");
  }
}
