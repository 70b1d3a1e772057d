import * as pulumi from "@pulumi/pulumi";
import type { HerokuConfig } from "../../config/schema";
import { App } from "./app";
import { ConfigVars } from "./configVars";
import { Domain } from "./domain";
import { generatedSecret } from "./generated";
import { Release } from "./release";
import { missingSecretVars, plainConfigVars } from "./vars";

/*
 * Everything one project runs on Heroku: the app, its declared config vars (plain, from the branch
 * secret, generated), its custom domains, and a release of the project's image per process type.
 * The image is pushed to the app's own registry, so the push waits for the app (see `image`), and
 * each release waits for the config vars so a new image starts with its settings.
 */

export interface HerokuAppArgs {
  /** The branch; `APP_CHANNEL` is set to it unless `heroku.config` sets it. */
  branch: string;
  /** The project's `heroku` section of the stack file. */
  heroku: HerokuConfig;
  /** Values of the keys in `heroku.secrets`, as secret Inputs; each listed key must be present. */
  secretVars: Record<string, pulumi.Input<string>>;
  /**
   * Returns the project's image in `app`'s registry for one process type, pinned by digest
   * (`registry.heroku.com/<app>/<type>@sha256:...`), pushing it there first.
   */
  image: (processType: string, app: App) => pulumi.Input<string>;
  /** Branch secret holding HEROKU_PASSWORD, read by the providers when HEROKU_API_KEY is unset. Default: none. */
  tokenSecret?: string;
  /** Protect the app and its domains from deletion (production). Default: false. */
  protect?: boolean;
}

export class HerokuApp extends pulumi.ComponentResource {
  readonly app: App;
  /** The app's herokuapp.com URL. */
  readonly webUrl: pulumi.Output<string>;
  /** DNS target (CNAME) per custom domain. */
  readonly dnsTargets: Record<string, pulumi.Output<string>>;
  /** The release of the project's image, per process type. */
  readonly releases: Record<string, Release>;

  constructor(name: string, args: HerokuAppArgs, opts?: pulumi.ComponentResourceOptions) {
    super("releng-infra:heroku:App", name, {}, opts);
    const { heroku, tokenSecret } = args;
    const missing = missingSecretVars(heroku, args.secretVars);
    if (missing.length > 0) {
      throw new Error(`Heroku app \`${heroku.app}\` (${name}): no value for ${missing.map((k) => `\`${k}\``).join(", ")} listed in \`heroku.secrets\``);
    }

    this.app = new App(name, { name: heroku.app, region: heroku.region, team: heroku.team, tokenSecret }, { parent: this, protect: args.protect === true });
    const secret = Object.fromEntries(heroku.secrets.map((key) => [key, pulumi.secret(args.secretVars[key]!)]));
    const generated = Object.fromEntries(Object.entries(heroku.generatedSecrets).map(([key, cfg]) => [key, generatedSecret(name, key, cfg, this)]));
    const vars = new ConfigVars(`${name}-config`, { app: this.app.name, vars: { ...plainConfigVars(heroku, args.branch), ...secret, ...generated }, tokenSecret }, { parent: this });

    this.dnsTargets = {};
    for (const hostname of heroku.domains) {
      this.dnsTargets[hostname] = new Domain(`${name}-${hostname}`, { app: this.app.name, hostname, tokenSecret }, { parent: this, protect: args.protect === true }).cname;
    }
    this.releases = {};
    for (const [processType, dyno] of Object.entries(heroku.dynos)) {
      this.releases[processType] = new Release(
        `${name}-${processType}`,
        { app: this.app.name, processType, image: args.image(processType, this.app), command: dyno.command, tokenSecret },
        { parent: this, dependsOn: [vars] },
      );
    }
    this.webUrl = this.app.webUrl;
    this.registerOutputs(this.stackOutputs());
  }

  /** What the stack reports about this app: name, URL, DNS target per domain, released image per process type. */
  stackOutputs() {
    return {
      app: this.app.name,
      webUrl: this.webUrl,
      dnsTargets: this.dnsTargets,
      images: Object.fromEntries(Object.entries(this.releases).map(([type, release]) => [type, release.image])),
    };
  }
}
