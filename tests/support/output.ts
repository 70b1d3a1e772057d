/*
 * What a program run printed: everything written to stdout and stderr (console.*, and pulumi.log,
 * which prints to the console under the mock runtime), still passed through.
 */

/** Text printed while `run` ran, and its result or error. */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ output: string; result?: T; error?: unknown }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write);
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (originals[i] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  try {
    const result = await run();
    return { output: chunks.join(""), result };
  } catch (error) {
    return { output: chunks.join(""), error };
  } finally {
    streams.forEach((stream, i) => (stream.write = originals[i]!));
  }
}
