import * as assert from "node:assert/strict";
import * as os from "node:os";
import { describe, it } from "node:test";
import { SKIPPED_PROVIDER_CODE, skipProviderSerialization } from "../../synth/providerCode";
import { REPO } from "../support/synth";

// This file's process only: the stand-in replaces Pulumi's serializer for everything after it.
describe("skipProviderSerialization", () => {
  it("does nothing where no Pulumi SDK can be found", () => {
    assert.equal(skipProviderSerialization(os.tmpdir()), false);
  });

  it("makes the SDK that dynamic resources use serialize every provider as a constant", async () => {
    assert.equal(skipProviderSerialization(REPO), true);
    const closure = require("@pulumi/pulumi/runtime/closure/serializeClosure") as { serializeFunction(f: () => unknown): Promise<{ text: string; containsSecrets: boolean }> };
    const secret = "never-serialized-7d1";
    const serialized = await closure.serializeFunction(() => secret);
    assert.deepEqual([serialized.text, serialized.containsSecrets], [SKIPPED_PROVIDER_CODE, false]);
  });
});
