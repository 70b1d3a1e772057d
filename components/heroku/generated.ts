import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { GeneratedSecretConfig } from "../../config/schema";

/*
 * Config vars nobody needs to know, such as a Flask SECRET_KEY: random bytes generated once by
 * @pulumi/random and kept (secret) in state. The same value comes back on every run; changing
 * `keeper` (or `bytes`) in the stack file replaces the resource, which draws a new value.
 */

/** The generated value of config var `key`, encoded as configured; always a secret Output. */
export function generatedSecret(name: string, key: string, config: GeneratedSecretConfig, parent: pulumi.Resource): pulumi.Output<string> {
  const bytes = new random.RandomBytes(`${name}-${key.toLowerCase().replace(/_/g, "-")}`, { length: config.bytes, keepers: { keeper: config.keeper } }, { parent });
  // base64 and hex are already secret outputs of RandomBytes; wrapping again keeps that true
  // wherever the value is used, whatever the provider version.
  return pulumi.secret(config.encoding === "hex" ? bytes.hex : bytes.base64);
}
