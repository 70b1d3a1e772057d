import { createHash } from "node:crypto";
import type { StateMock } from "./index";

/*
 * @pulumi/docker under mocks. Digests are derived from what decides the image's content (the
 * build, or the source pulled), not from where it is pushed: one build pushed to two repositories
 * has one digest, as in a real registry.
 */

const digestOf = (value: unknown): string => `sha256:${createHash("sha256").update(JSON.stringify(value ?? null)).digest("hex")}`;
const repositoryOf = (imageName: string): string => imageName.replace(/:[^:/]+$/, "");

export const dockerStates: Record<string, StateMock> = {
  "docker:index/image:Image": (_name, inputs) => {
    const imageName = String(inputs.imageName);
    return {
      baseImageName: imageName,
      registryServer: imageName.split("/")[0],
      repoDigest: `${repositoryOf(imageName)}@${digestOf(inputs.build)}`,
    };
  },
  "docker:index/remoteImage:RemoteImage": (_name, inputs) => ({ repoDigest: inputs.name, imageId: digestOf(["config", inputs.name]) }),
  "docker:index/tag:Tag": (_name, inputs) => ({ sourceImageId: digestOf(["config", inputs.sourceImage]) }),
  "docker:index/registryImage:RegistryImage": (_name, inputs) => ({ sha256Digest: digestOf(inputs.triggers) }),
};
