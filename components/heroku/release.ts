import * as pulumi from "@pulumi/pulumi";
import { herokuApi, isNotFound } from "./api";
import { diffFields, failure, isUnknown, readResult } from "./diff";
import { imageIdOf, parseHerokuImageRef, type HerokuImageRef } from "./images";
import { herokuToken } from "./token";

/*
 * The image a process type of an app runs (a Docker release).
 *   create/update  read the image id from the registry manifest, then
 *                  PATCH /apps/<app>/formation {updates: [{type, docker_image, command}]}
 *                  with `Accept: application/vnd.heroku+json; version=3.docker-releases`
 *   read           GET /apps/<app>/formation/<type>  (an image released by hand shows as drift)
 *   delete         PATCH /apps/<app>/formation/<type> {quantity: 0}: a process type the stack no
 *                  longer declares stops running
 * The image is pinned by digest, so an unchanged reference means an unchanged image: no request.
 */

const DOCKER_RELEASES = "application/vnd.heroku+json; version=3.docker-releases";

export interface ReleaseArgs {
  /** Name of the app. */
  app: pulumi.Input<string>;
  /** Process type: `web`, `worker`, ... */
  processType: pulumi.Input<string>;
  /** The image in the app's registry, pinned by digest: `registry.heroku.com/<app>/<type>@sha256:...`. */
  image: pulumi.Input<string>;
  /** Command of the process type. Omitted: the image's CMD. */
  command?: pulumi.Input<string | undefined>;
  /** Name of the branch secret whose `common.HEROKU_PASSWORD` is used when HEROKU_API_KEY is unset. */
  tokenSecret?: pulumi.Input<string | undefined>;
}

export interface ReleaseInputs {
  app: string;
  processType: string;
  image: string;
  command?: string;
  tokenSecret?: string;
}

export interface ReleaseOutputs extends ReleaseInputs {
  /** The released image id: the digest of the image config. */
  imageId: string;
}

interface ApiFormation {
  type: string;
  command: string;
  docker_image: { id: string } | null;
}

/** The formation update that releases `imageId` to a process type, with its command when given. */
export function formationUpdate(inputs: ReleaseInputs, imageId: string): { updates: Array<Record<string, string>> } {
  const update: Record<string, string> = { type: inputs.processType, docker_image: imageId };
  if (inputs.command !== undefined) update.command = inputs.command;
  return { updates: [update] };
}

async function release(inputs: ReleaseInputs): Promise<ReleaseOutputs> {
  const token = await herokuToken(inputs.tokenSecret);
  const imageId = await imageIdOf(token, parseHerokuImageRef(inputs.image) as HerokuImageRef);
  await herokuApi(token, {
    app: inputs.app,
    operation: `release ${inputs.processType}`,
    method: "PATCH",
    path: `/apps/${inputs.app}/formation`,
    body: formationUpdate(inputs, imageId),
    accept: DOCKER_RELEASES,
  });
  return { ...inputs, imageId };
}

export const releaseProvider: pulumi.dynamic.ResourceProvider<ReleaseInputs, ReleaseOutputs> = {
  async check(_olds, news) {
    const failures = [];
    if (!isUnknown(news.processType) && !/^[a-z][a-z0-9_-]*$/.test(news.processType)) failures.push(failure("processType", `\`${news.processType}\` is not a Heroku process type`));
    if (!isUnknown(news.image)) {
      const ref = parseHerokuImageRef(news.image);
      if (typeof ref === "string") failures.push(failure("image", ref));
      else if (!isUnknown(news.app) && ref.app !== news.app) failures.push(failure("image", `\`${news.image}\` is in the registry of app \`${ref.app}\`, not \`${news.app}\`: Heroku releases only images pushed to the app's own registry`));
    }
    return { inputs: news, failures };
  },
  async diff(_id, olds, news) {
    return diffFields<ReleaseInputs>(olds, news, ["app", "processType", "image", "command", "tokenSecret"], ["app", "processType"]);
  },
  async create(inputs) {
    return { id: `${inputs.app}/${inputs.processType}`, outs: await release(inputs) };
  },
  async read(id, props) {
    if (props === undefined) return {};
    const token = await herokuToken(props.tokenSecret);
    let formation: ApiFormation;
    try {
      // docker_image is part of the formation only in the variant the image was released with.
      formation = await herokuApi(token, { app: props.app, operation: `read ${props.processType} formation`, method: "GET", path: `/apps/${props.app}/formation/${props.processType}`, accept: DOCKER_RELEASES });
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
    const remoteId = formation.docker_image?.id ?? "none";
    // The registry reference of an image released by hand is unknown; a changed `image` makes the
    // next update release the declared one again.
    const image = remoteId === props.imageId ? props.image : `(released outside Pulumi: ${remoteId})`;
    // No `command: undefined`: the provider host sends the answer as a protobuf Struct, which has
    // no undefined and throws on one.
    const inputs: ReleaseInputs = { ...props, image, ...(props.command !== undefined && { command: formation.command }) };
    return readResult(id, { ...inputs, imageId: remoteId }, inputs);
  },
  async update(_id, _olds, news) {
    return { outs: await release(news) };
  },
  async delete(_id, props) {
    const token = await herokuToken(props.tokenSecret);
    try {
      await herokuApi(token, { app: props.app, operation: `stop ${props.processType}`, method: "PATCH", path: `/apps/${props.app}/formation/${props.processType}`, body: { quantity: 0 } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  },
};

/** The image released to one process type of an app (type `pulumi-nodejs:dynamic/heroku:Release`). */
export class Release extends pulumi.dynamic.Resource {
  declare readonly imageId: pulumi.Output<string>;
  declare readonly image: pulumi.Output<string>;

  constructor(name: string, args: ReleaseArgs, opts?: pulumi.CustomResourceOptions) {
    super(releaseProvider, name, { imageId: undefined, command: undefined, ...args }, opts, "heroku", "Release");
  }
}
