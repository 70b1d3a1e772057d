import type * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, slug, type Project, type StackConfig } from "./config";
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

  for (const project of config.projects) {
    // Image of the project (components/docker): built and pushed, or an existing image by digest.
    // Heroku app, config vars, release per dyno type, domains (components/heroku).
    // Static front end: S3 + CloudFront + ACM + deploy user (components/aws).
    // Taskcluster hooks running the project's image (components/taskcluster).
    if (project.hooks.length > 0) {
      new ProjectHooks(slug(project.id), { project: project.id, hooks: project.hooks, branch: config, image: projectImageRef(config, project) });
    }
  }
  void secrets;

  // Hooks under the branch's prefix that it does not declare: a warning each, removed on up when
  // `pruneUnmanagedHooks` is set. One listHooks request; none in offline synth.
  await watchUnmanagedHooks(config);

  // Stack outputs.
  return {
    branch: config.branch,
    projects: config.projects.map((p) => p.id),
    hookIds: config.projects.flatMap((p) => p.hookIds),
  };
};

/**
 * PLACEHOLDER until components/docker lands, to be replaced by its digest-pinned image reference
 * Output: the project's `image.ref` when the stack file pins one, else a tag (not pinned) on the
 * branch's Docker repository.
 */
function projectImageRef(config: StackConfig, project: Project): pulumi.Input<string> {
  if (project.image && "ref" in project.image) return project.image.ref;
  return `${config.docker.repository}:${slug(project.id)}-${config.branch}`;
}
