import type { ResourceValidationPolicy } from "@pulumi/policy";
import { BUCKET_TYPES, DISTRIBUTION, stackOfUrn } from "./types";

/** Resources whose loss would take a production site down or lose its content. */
const PROTECTED_TYPES = [...BUCKET_TYPES, DISTRIBUTION];

/** On production stacks, buckets and distributions carry `protect`, so no update or destroy deletes them by accident. */
export const productionDataProtected: ResourceValidationPolicy = {
  name: "production-data-protected",
  description: "On production stacks, S3 buckets and CloudFront distributions are protected from deletion.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      productionStacks: { type: "array", items: { type: "string" }, default: ["production"], description: "Stacks whose data must be protected." },
    },
  },
  validateResource: (args, reportViolation) => {
    if (!PROTECTED_TYPES.includes(args.type)) return;
    const stack = stackOfUrn(args.urn);
    if (!args.getConfig<{ productionStacks: string[] }>().productionStacks.includes(stack)) return;
    if (args.opts.protect !== true) {
      reportViolation(`\`${args.name}\` (${args.type}) on production stack \`${stack}\` is not protected; create it with \`protect: true\` (stack setting \`releng-infra:protect\`).`);
    }
  },
};
