import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// Run by the Pulumi CLI: `pulumi preview --policy-pack policy` (see the README). Constructing the
// pack starts its gRPC server, so tests import ./policies instead.
new PolicyPack("releng-infra-guardrails", { policies });
