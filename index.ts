import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, slug, type Project, type StackConfig } from "./config";
import { gitCommit, herokuRepository, ProjectImage, type RegistryLogin } from "./components/docker";
import { HerokuApp } from "./components/heroku";
import { PLACEHOLDER_PREFIX } from "./components/heroku/placeholder";

/*
 * What a branch deploys. The stack is the branch; everything branch-specific is in
 * Pulumi.<branch>.yaml, read and validated once by `config/`. Per project, this creates what its
 * stack file lists, and nothing else.
 */
export = async () => {
  const config = loadStackConfig();
  const secrets = secretValuesStandIn(config);
  const commit = config.projects.some(buildsImage) ? gitCommit(__dirname) : undefined;
  const herokuLogin: RegistryLogin = { server: "registry.heroku.com", username: "_", password: secrets.deployCredential("HEROKU_PASSWORD") };
  const hubLogin: RegistryLogin = { server: "docker.io", username: secrets.deployCredential("DOCKER_USERNAME"), password: secrets.deployCredential("DOCKER_PASSWORD") };

  const heroku: Record<string, { app: string; webUrl: pulumi.Output<string>; dnsTargets: Record<string, pulumi.Output<string>>; images: Record<string, pulumi.Input<string>> }> = {};
  const hookImages: Record<string, pulumi.Output<string>> = {};
  for (const project of config.projects) {
    const name = slug(project.id);
    // Image of the project (components/docker): built and pushed, or an existing image by digest.
    const image = project.heroku || project.hooks.length > 0
      ? new ProjectImage(name, { project: project.id, image: project.image, branch: config.branch, commit, platform: config.docker.platform })
      : undefined;
    // Heroku app, config vars, release per dyno type, domains (components/heroku).
    if (project.heroku && image) {
      const app = new HerokuApp(name, {
        branch: config.branch,
        heroku: project.heroku,
        secretVars: secrets.forProject(project.id, project.heroku.secrets),
        image: (processType, herokuApp) => image.push(`heroku-${processType}`, { repository: herokuRepository(project.heroku!.app, processType), login: herokuLogin }, [herokuApp]),
        tokenSecret: secrets.name,
        protect: config.protect,
      });
      const images = Object.fromEntries(Object.entries(app.releases).map(([type, release]) => [type, release.image]));
      heroku[project.id] = { app: project.heroku.app, webUrl: app.webUrl, dnsTargets: app.dnsTargets, images };
    }
    // Static front end: S3 + CloudFront + ACM + deploy user (components/aws).
    // Taskcluster hooks running the project's image (components/taskcluster), pinned by digest.
    if (project.hooks.length > 0 && image) {
      hookImages[project.id] = image.pullable("hub", { repository: config.docker.repository, login: hubLogin, shared: true });
    }
  }

  // Stack outputs.
  return {
    branch: config.branch,
    projects: config.projects.map((p) => p.id),
    heroku,
    hookImages,
  };
};

/** True when the project's image is built here (rather than an existing `image.ref`). */
function buildsImage(p: Project): boolean {
  return (p.heroku !== undefined || p.hooks.length > 0) && !(p.image !== undefined && "ref" in p.image);
}

/**
 * STAND-IN, for the lead to replace with `await loadBranchSecrets(config)` from
 * components/taskcluster/secrets.ts (not on main when this was written). Same shape: the secret's
 * name, a project's declared keys, deploy credentials; the values are secret placeholders that
 * ConfigVars refuses to deploy, so nothing real can be released with them.
 */
function secretValuesStandIn(config: StackConfig) {
  const value = (key: string) => pulumi.secret(`${PLACEHOLDER_PREFIX}${key}`);
  return {
    name: config.taskcluster.secret,
    forProject: (_project: string, keys: string[]): Record<string, pulumi.Output<string>> => Object.fromEntries(keys.map((k) => [k, value(k)])),
    deployCredential: (key: "DOCKER_USERNAME" | "DOCKER_PASSWORD" | "HEROKU_USERNAME" | "HEROKU_PASSWORD") => value(key),
  };
}
