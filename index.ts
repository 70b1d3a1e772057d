import { loadStackConfig, slug } from "./config";
import { awsProviders, StaticFrontend } from "./components/aws";
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
  const aws = awsProviders(config);
  const frontends: Record<string, StaticFrontend> = {};

  for (const project of config.projects) {
    // Image of the project (components/docker): built and pushed, or an existing image by digest.
    // Heroku app, config vars, release per dyno type, domains (components/heroku).
    // Static front end: S3 + CloudFront + ACM + deploy user (components/aws).
    if (project.frontend) frontends[project.id] = new StaticFrontend(slug(project.id), { project, config, providers: aws() });
    // Taskcluster hooks running the project's image (components/taskcluster).
  }
  void secrets;

  // Stack outputs.
  return {
    branch: config.branch,
    projects: config.projects.map((p) => p.id),
    // Per front end: URL, CloudFront domain, DNS records to create by hand, deploy credentials (secret).
    frontends: Object.fromEntries(Object.entries(frontends).map(([id, f]) => [id, f.stackOutputs()])),
  };
};
