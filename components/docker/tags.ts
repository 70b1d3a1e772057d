import type { ImageConfig } from "../../config/schema";
import { slug } from "../../config/names";

/*
 * Names of a project's image: where it is built from and how it is tagged. Tags are for people
 * reading a registry; consumers always get the image by digest.
 */

/** Build context and Dockerfile, relative to the monorepo root: `src/<project>` by default. */
export function buildPaths(project: string, image: Extract<ImageConfig, { args: unknown }> | undefined): { context: string; dockerfile: string } {
  const context = image?.context ?? `src/${project}`;
  return { context, dockerfile: image?.dockerfile ?? `${context}/Dockerfile` };
}

/**
 * Tag of an image pushed for a branch: branch and short commit, prefixed by the project where the
 * repository is shared by several projects (Docker Hub `mozillareleng/services`). E.g.
 * `imageTag("staging", "0123456789abcdef", "tooltool/api")` is `tooltool-api-staging-0123456789ab`.
 */
export function imageTag(branch: string, commit: string, project?: string): string {
  const tag = `${project === undefined ? "" : `${slug(project)}-`}${branch}-${commit.slice(0, 12)}`;
  // Docker tags: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; a branch name may hold `/`.
  return tag.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 128);
}

/** The repository of a process type in a Heroku app's registry: `registry.heroku.com/<app>/<type>`. */
export function herokuRepository(app: string, processType: string): string {
  return `registry.heroku.com/${app}/${processType}`;
}

/** `repo@sha256:...` from a repository and a digest, or a `repo@digest` reference as it is. */
export function pinned(repository: string, digestOrRef: string): string {
  return digestOrRef.includes("@") ? digestOrRef : `${repository}@${digestOrRef}`;
}
