// The local Taskcluster-compatible test server; its API is documented in server.ts.
export * from "./server";
