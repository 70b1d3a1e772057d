import { CronExpressionParser } from "cron-parser";

/**
 * What is wrong with a hook schedule item, or undefined when the Hooks service accepts it: 5 fields
 * (minute first), or 6 with seconds first, parsed in UTC by cron-parser as the service parses it
 * (taskcluster `services/hooks/src/api.js`, createHook). cron-parser alone would also take 1 to 4
 * fields and `@daily`-style aliases; the field count keeps schedules in the documented form.
 *
 *   cronProblem("0 * * * *")      → undefined
 *   cronProblem("0 3 * *")       → "`0 3 * *` has 4 fields; a Taskcluster schedule has 5 (minute first), or 6 with seconds first"
 */
export function cronProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/).filter((f) => f !== "");
  if (fields.length !== 5 && fields.length !== 6) {
    return `\`${pattern}\` has ${fields.length} ${fields.length === 1 ? "field" : "fields"}; a Taskcluster schedule has 5 (minute first), or 6 with seconds first`;
  }
  try {
    CronExpressionParser.parse(pattern, { tz: "UTC" });
  } catch (err) {
    return `\`${pattern}\` is not a valid cron pattern: ${(err as Error).message}`;
  }
  return undefined;
}
