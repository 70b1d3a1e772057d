import { createHash } from "node:crypto";
import type { StateMock } from "./index";

/*
 * Heroku dynamic resources and @pulumi/random under mocks. RandomBytes is derived from its name,
 * length and keepers, so a value is the same on every run and changes when the keeper does, as the
 * real provider's replace-on-keeper-change gives.
 */

const hex = (...parts: unknown[]): string => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

function randomBytes(name: string, inputs: Record<string, unknown>): Buffer {
  const length = Number(inputs.length);
  let out = Buffer.alloc(0);
  for (let i = 0; out.length < length; i++) out = Buffer.concat([out, Buffer.from(hex(name, length, inputs.keepers ?? {}, i), "hex")]);
  return out.subarray(0, length);
}

export const herokuStates: Record<string, StateMock> = {
  "pulumi-nodejs:dynamic/heroku:App": (_name, inputs) => ({ herokuId: hex("app", inputs.name).slice(0, 32), webUrl: `https://${inputs.name}-${hex(inputs.name).slice(0, 12)}.herokuapp.com/`, stack: "container" }),
  "pulumi-nodejs:dynamic/heroku:Domain": (_name, inputs) => ({ cname: `${hex("domain", inputs.hostname).slice(0, 16)}.herokudns.com` }),
  "pulumi-nodejs:dynamic/heroku:Release": (_name, inputs) => ({ imageId: `sha256:${hex("config", String(inputs.image).split("@")[1])}` }),
  "random:index/randomBytes:RandomBytes": (name, inputs) => {
    const bytes = randomBytes(name, inputs);
    return { base64: bytes.toString("base64"), hex: bytes.toString("hex") };
  },
};
