import type { Policies } from "@pulumi/policy";
import { certificatesInUsEast1 } from "./certificatesInUsEast1";
import { httpsOnlyViewers } from "./httpsOnlyViewers";
import { noPublicBucket } from "./noPublicBucket";
import { productionDataProtected } from "./productionDataProtected";

/** The guardrails of releng-infra, importable without starting the policy server (tests use this). */
export const policies: Policies = [noPublicBucket, httpsOnlyViewers, certificatesInUsEast1, productionDataProtected];
