import * as pulumi from "@pulumi/pulumi";
import { DOMAIN_NAME } from "../../config/names";
import { herokuApi, isNotFound } from "./api";
import { diffFields, failure, isUnknown, readResult } from "./diff";
import { herokuToken } from "./token";

/*
 * A custom domain of an app, with the DNS target Heroku gives for it (a `*.herokudns.com` name to
 * point a CNAME or ALIAS record at).
 *   create  POST /apps/<app>/domains {hostname, sni_endpoint: null}
 *   read    GET /apps/<app>/domains/<hostname>
 *   delete  DELETE /apps/<app>/domains/<hostname>
 * A host name belongs to one app at a time, so moving it deletes it before adding it again.
 */

export interface DomainArgs {
  /** Name of the app. */
  app: pulumi.Input<string>;
  /** The custom host name, e.g. `tokens.staging.mozilla-releng.net`. */
  hostname: pulumi.Input<string>;
  /** Name of the branch secret whose `common.HEROKU_PASSWORD` is used when HEROKU_API_KEY is unset. */
  tokenSecret?: pulumi.Input<string | undefined>;
}

export interface DomainInputs {
  app: string;
  hostname: string;
  tokenSecret?: string;
}

export interface DomainOutputs extends DomainInputs {
  /** The DNS target: point the host name's CNAME here. */
  cname: string;
}

interface ApiDomain {
  hostname: string;
  cname: string;
}

export const domainProvider: pulumi.dynamic.ResourceProvider<DomainInputs, DomainOutputs> = {
  async check(_olds, news) {
    const failures = isUnknown(news.hostname) || DOMAIN_NAME.test(news.hostname) ? [] : [failure("hostname", `\`${news.hostname}\` is not a lowercase DNS name`)];
    return { inputs: news, failures };
  },
  async diff(_id, olds, news) {
    const result = diffFields<DomainInputs>(olds, news, ["app", "hostname", "tokenSecret"], ["app", "hostname"]);
    return { ...result, deleteBeforeReplace: (result.replaces ?? []).length > 0 };
  },
  async create(inputs) {
    const token = await herokuToken(inputs.tokenSecret);
    const domain = await herokuApi<ApiDomain>(token, {
      app: inputs.app,
      operation: `add domain ${inputs.hostname}`,
      method: "POST",
      path: `/apps/${inputs.app}/domains`,
      body: { hostname: inputs.hostname, sni_endpoint: null },
    });
    return { id: `${inputs.app}/${inputs.hostname}`, outs: { ...inputs, cname: domain.cname } };
  },
  async read(id, props) {
    if (props === undefined) return {};
    const token = await herokuToken(props.tokenSecret);
    try {
      const domain = await herokuApi<ApiDomain>(token, { app: props.app, operation: `read domain ${props.hostname}`, method: "GET", path: `/apps/${props.app}/domains/${props.hostname}` });
      const { cname: _c, ...inputs } = props;
      return readResult(id, { ...props, cname: domain.cname }, inputs);
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
  },
  async update(_id, olds, news) {
    return { outs: { ...news, cname: olds.cname } };
  },
  async delete(_id, props) {
    const token = await herokuToken(props.tokenSecret);
    try {
      await herokuApi(token, { app: props.app, operation: `remove domain ${props.hostname}`, method: "DELETE", path: `/apps/${props.app}/domains/${props.hostname}` });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};

/** A custom domain of an app (type `pulumi-nodejs:dynamic/heroku:Domain`). */
export class Domain extends pulumi.dynamic.Resource {
  declare readonly cname: pulumi.Output<string>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    super(domainProvider, name, { cname: undefined, ...args }, opts, "heroku", "Domain");
  }
}
