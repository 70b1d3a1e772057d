import { deployExports } from "./deployEnv";

/*
 * node --import tsx tools/deploy-env.ts <branch secret name>
 *
 * Inside a Taskcluster task: reads the branch secret through the Taskcluster proxy and prints the
 * `export` lines of .ci/deploy (see deployEnv.ts). Prints no value on error.
 */

async function main(name: string | undefined): Promise<void> {
  const proxy = process.env.TASKCLUSTER_PROXY_URL;
  if (name === undefined || proxy === undefined) throw new Error("usage: TASKCLUSTER_PROXY_URL=... node --import tsx tools/deploy-env.ts <branch secret name>");
  const res = await fetch(`${proxy}/api/secrets/v1/secret/${encodeURIComponent(name)}`);
  if (!res.ok) throw new Error(`reading secret ${name} through the Taskcluster proxy: HTTP ${res.status} (the task needs secrets:get:${name})`);
  let body: { secret?: unknown };
  try {
    body = JSON.parse(await res.text()) as { secret?: unknown };
  } catch {
    // JSON.parse's message quotes the text around the fault: here, the secret's values.
    throw new Error(`reading secret ${name} through the Taskcluster proxy: HTTP ${res.status} with a body that is not JSON (not shown: it would hold the secret's values)`);
  }
  process.stdout.write(deployExports(body.secret));
}

main(process.argv[2]).catch((err: unknown) => {
  console.error((err as Error).message);
  process.exitCode = 1;
});
