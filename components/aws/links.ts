import type { Project } from "../../config";

/**
 * The URLs of the projects a front end requires, by project id in `requires` order, taken from
 * those projects' own config on the same branch (never typed twice).
 * Example: `requires: ["tokens/api"]` on staging → `{"tokens/api": "https://tokens.staging.mozilla-releng.net"}`.
 * Config validation already refuses unknown projects and projects without a URL; this only guards.
 */
export function requiredProjectUrls(project: Project, projects: readonly Project[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const id of project.frontend?.requires ?? []) {
    const url = projects.find((p) => p.id === id)?.url;
    if (url === undefined) throw new Error(`project \`${project.id}\`: \`frontend.requires\` names \`${id}\`, which has no URL on this branch`);
    urls[id] = url;
  }
  return urls;
}

/** The body of a front end's `/config.json`, which replaces the `data-*` attributes once injected into `index.html`. */
export interface RuntimeConfig {
  /** The branch, formerly `data-release-channel`. */
  releaseChannel: string;
  /** URL per required project id, formerly one `data-<project>-url` each. */
  urls: Record<string, string>;
}

/**
 * What a front end reads at start-up from `/config.json`.
 * Example: `runtimeConfig("staging", {"tokens/api": "https://tokens..."})` →
 * `{releaseChannel: "staging", urls: {"tokens/api": "https://tokens..."}}`.
 */
export function runtimeConfig(branch: string, urls: Record<string, string>): RuntimeConfig {
  return { releaseChannel: branch, urls };
}
