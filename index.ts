import type * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, slug, type Project } from "./config";
import { awsProviders, StaticFrontend } from "./components/aws";
import { gitCommit, herokuRepository, ProjectImage, type RegistryLogin } from "./components/docker";
import { HerokuApp } from "./components/heroku";
import { ProjectHooks, watchUnmanagedHooks } from "./components/taskcluster";
import { loadBranchSecrets } from "./components/taskcluster/secrets";

/*
 * What a branch deploys. The stack is the branch; everything branch-specific is in
 * Pulumi.<branch>.yaml, read and validated once by `config/`. Per project, this creates what its
 * stack file lists, and nothing else.
 */
export = async () => {
  const config = loadStackConfig();
  // The branch secret, read once (preview too) and checked before any resource is registered.
  const secrets = await loadBranchSecrets(config);
  // Images are tagged with the monorepo commit they are built from (GIT_COMMIT, else git).
  const commit = config.projects.some(buildsImage) ? gitCommit(__dirname) : undefined;
  const herokuLogin: RegistryLogin = { server: "registry.heroku.com", username: "_", password: secrets.deployCredential("HEROKU_PASSWORD") };
  const hubLogin: RegistryLogin = { server: "docker.io", username: secrets.deployCredential("DOCKER_USERNAME"), password: secrets.deployCredential("DOCKER_PASSWORD") };
  const aws = awsProviders(config);

  const heroku: Record<string, HerokuApp> = {};
  const hookImages: Record<string, pulumi.Output<string>> = {};
  const frontends: Record<string, StaticFrontend> = {};
  for (const project of config.projects) {
    const name = slug(project.id);
    // Image of the project (components/docker): built and pushed, or an existing image by digest.
    const image = project.heroku || project.hooks.length > 0
      ? new ProjectImage(name, { project: project.id, image: project.image, branch: config.branch, commit, platform: config.docker.platform })
      : undefined;
    // Heroku app, config vars, release per dyno type, domains (components/heroku).
    if (project.heroku && image) {
      heroku[project.id] = new HerokuApp(name, {
        branch: config.branch,
        heroku: project.heroku,
        secretVars: secrets.forProject(project.id, project.heroku.secrets),
        image: (processType, herokuApp) => image.push(`heroku-${processType}`, { repository: herokuRepository(project.heroku!.app, processType), login: herokuLogin }, [herokuApp]),
        tokenSecret: secrets.name,
        protect: config.protect,
      });
    }
    // Static front end: S3 + CloudFront + ACM + deploy user (components/aws).
    if (project.frontend) frontends[project.id] = new StaticFrontend(name, { project, config, providers: aws() });
    // Taskcluster hooks running the project's image from Docker Hub, pinned by digest (components/taskcluster).
    if (project.hooks.length > 0 && image) {
      hookImages[project.id] = image.pullable("hub", { repository: config.docker.repository, login: hubLogin, shared: true });
      new ProjectHooks(name, { project: project.id, hooks: project.hooks, branch: config, image: hookImages[project.id] });
    }
  }

  // Hooks under the branch's prefix that it does not declare: a warning each, removed on up when
  // `pruneUnmanagedHooks` is set. One listHooks request; none in offline synth.
  await watchUnmanagedHooks(config);

  // Stack outputs: per Heroku project its app, URL, DNS targets and released images; hooks and their
  // images; per front end its URL, CloudFront domain, DNS records to create by hand, deploy user (key secret).
  return {
    branch: config.branch,
    projects: config.projects.map((p) => p.id),
    heroku: Object.fromEntries(Object.entries(heroku).map(([id, app]) => [id, app.stackOutputs()])),
    hookIds: config.projects.flatMap((p) => p.hookIds),
    hookImages,
    frontends: Object.fromEntries(Object.entries(frontends).map(([id, f]) => [id, f.stackOutputs()])),
  };
};

/** True when the project's image is built here (rather than an existing `image.ref`). */
function buildsImage(p: Project): boolean {
  return (p.heroku !== undefined || p.hooks.length > 0) && !(p.image !== undefined && "ref" in p.image);
}
