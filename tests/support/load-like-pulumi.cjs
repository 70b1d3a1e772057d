// Loads the program's index.ts the way the Pulumi CLI's Node.js language host does
// (@pulumi/pulumi/cmd/run/run.js): ts-node, as it resolves it (the project's, else the SDK's
// vendored one), with the project's TypeScript and tsconfig.json, type-checking. Prints what the
// module exports. Usage: node tests/support/load-like-pulumi.cjs <project folder>
const path = require("node:path");
const root = path.resolve(process.argv[2] ?? ".");
process.chdir(root);
const sdk = path.join(root, "node_modules/@pulumi/pulumi");
const tsutils = require(path.join(sdk, "tsutils.js"));
const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
const compilerOptions = tsutils.loadTypeScriptCompilerOptions("tsconfig.json");
require(tsnodeRequire).register({
  compiler: typescriptRequire,
  project: "tsconfig.json",
  skipProject: false,
  // run.js's defaults for TypeScript >= 4.7, which the project's tsconfig overrides.
  compilerOptions: { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true", ...compilerOptions },
});
const program = require(path.join(root, "index.ts"));
process.stdout.write(`${typeof program}\n`);
