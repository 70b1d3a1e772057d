import * as pulumi from "@pulumi/pulumi";
import { HEROKU_APP_NAME } from "../../config/names";
import { herokuApi, isNotFound } from "./api";
import { diffFields, failure, isUnknown, readResult } from "./diff";
import { herokuToken } from "./token";

/*
 * A Heroku app running Docker images (stack `container`).
 *   create  POST /apps, or POST /teams/apps when a team owns it
 *   read    GET /apps/<id>             (drift of region, team, stack; gone when 404)
 *   update  no API call: only `tokenSecret` can change in place
 *   delete  DELETE /apps/<id>          (already gone is fine)
 * A new name, region, team or stack replaces the app: Heroku cannot move an app between regions,
 * and a rename would break every URL and registry path that uses the old name.
 */

export interface AppArgs {
  /** App name: 3-30 lowercase letters, digits and dashes, starting with a letter. */
  name: pulumi.Input<string>;
  /** `us` or `eu`. */
  region: pulumi.Input<string>;
  /** Team owning the app. Omitted: the token's personal account. */
  team?: pulumi.Input<string | undefined>;
  /** Name of the branch secret whose `common.HEROKU_PASSWORD` is used when HEROKU_API_KEY is unset. */
  tokenSecret?: pulumi.Input<string | undefined>;
}

export interface AppInputs {
  name: string;
  region: string;
  team?: string;
  stack: string;
  tokenSecret?: string;
}

export interface AppOutputs extends AppInputs {
  /** Heroku's id of the app (a UUID). */
  herokuId: string;
  /** `https://<name>-<hash>.herokuapp.com/`. */
  webUrl: string;
}

interface ApiApp {
  id: string;
  name: string;
  region: { name: string };
  team: { name: string } | null;
  build_stack: { name: string };
  web_url: string;
}

const FIELDS = ["name", "region", "team", "stack", "tokenSecret"] as const;

function toOutputs(app: ApiApp, tokenSecret: string | undefined): AppOutputs {
  const outs: AppOutputs = { name: app.name, region: app.region.name, stack: app.build_stack.name, herokuId: app.id, webUrl: app.web_url };
  if (app.team) outs.team = app.team.name;
  if (tokenSecret !== undefined) outs.tokenSecret = tokenSecret;
  return outs;
}

/** The API request that creates the app. */
export function appCreateRequest(inputs: AppInputs): { path: string; body: Record<string, string> } {
  const body = { name: inputs.name, region: inputs.region, stack: inputs.stack };
  return inputs.team === undefined ? { path: "/apps", body } : { path: "/teams/apps", body: { ...body, team: inputs.team } };
}

export const appProvider: pulumi.dynamic.ResourceProvider<AppInputs, AppOutputs> = {
  async check(_olds, news) {
    const failures = [];
    if (!isUnknown(news.name) && !HEROKU_APP_NAME.test(news.name)) {
      failures.push(failure("name", `\`${news.name}\` is not a Heroku app name: 3-30 lowercase letters, digits or dashes, starting with a letter`));
    }
    if (!isUnknown(news.region) && !["us", "eu"].includes(news.region)) failures.push(failure("region", `\`${news.region}\` is not a Heroku region: use \`us\` or \`eu\``));
    return { inputs: { ...news, stack: "container" }, failures };
  },
  async diff(_id, olds, news) {
    const result = diffFields<AppInputs>(olds, news, FIELDS, ["name", "region", "team", "stack"]);
    // App names are global on Heroku: a replacement under the same name cannot be created while
    // the old app holds the name, so it must be deleted first. A new name can be created first.
    const replaces = result.replaces ?? [];
    return { ...result, deleteBeforeReplace: replaces.length > 0 && !replaces.includes("name") };
  },
  async create(inputs) {
    const token = await herokuToken(inputs.tokenSecret);
    const { path, body } = appCreateRequest(inputs);
    const app = await herokuApi<ApiApp>(token, { app: inputs.name, operation: "create", method: "POST", path, body });
    return { id: app.id, outs: toOutputs(app, inputs.tokenSecret) };
  },
  async read(id, props) {
    const token = await herokuToken(props?.tokenSecret);
    try {
      const app = await herokuApi<ApiApp>(token, { app: props?.name ?? id, operation: "read", method: "GET", path: `/apps/${id}` });
      const outs = toOutputs(app, props?.tokenSecret);
      const { herokuId: _h, webUrl: _w, ...inputs } = outs;
      return readResult(id, outs, inputs);
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
  },
  async update(_id, olds, news) {
    // No `tokenSecret: undefined` when it is dropped: the provider host's Struct throws on undefined.
    const { tokenSecret: _old, ...outs } = olds;
    return { outs: news.tokenSecret === undefined ? outs : { ...outs, tokenSecret: news.tokenSecret } };
  },
  async delete(id, props) {
    const token = await herokuToken(props.tokenSecret);
    try {
      await herokuApi(token, { app: props.name, operation: "delete", method: "DELETE", path: `/apps/${id}` });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};

/** A Heroku app (type `pulumi-nodejs:dynamic/heroku:App`). */
export class App extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly herokuId: pulumi.Output<string>;
  declare readonly webUrl: pulumi.Output<string>;

  constructor(name: string, args: AppArgs, opts?: pulumi.CustomResourceOptions) {
    super(appProvider, name, { herokuId: undefined, webUrl: undefined, ...args }, opts, "heroku", "App");
  }
}
