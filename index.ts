import { loadStackConfig } from "./config";
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

  for (const project of config.projects) {
    // Image of the project (components/docker): built and pushed, or an existing image by digest.
    // Heroku app, config vars, release per dyno type, domains (components/heroku).
    // Static front end: S3 + CloudFront + ACM + deploy user (components/aws).
    // Taskcluster hooks running the project's image (components/taskcluster).
    void project;
  }
  void secrets;

  // Stack outputs.
  return {
    branch: config.branch,
    projects: config.projects.map((p) => p.id),
  };
};
