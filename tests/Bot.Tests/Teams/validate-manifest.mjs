// Validates a filled-in Teams app manifest against the JSON schema shipped in the npm package
// @microsoft/app-manifest, fully offline. Usage: node validate-manifest.mjs <manifest.json>
// Exit codes: 0 valid, 1 invalid (errors on stdout), 2 usage or setup fault.
//
// The package's own AppManifestUtils.validateAgainstSchema cannot be loaded in this install: its
// build/index.js requires fs-extra, which @microsoft/app-manifest 1.1.2 lists only as a devDependency.
// So this script does what that function does for draft-04 schemas (all Teams schemas are draft-04):
// ajv-draft-04 with allErrors, strictTypes off, and ajv-formats' uri, email and regex formats.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Nothing here should touch the network; make any attempt fail loudly instead of hanging.
globalThis.fetch = () => { throw new Error("network access attempted during offline validation"); };

const manifestPath = process.argv[2];
if (!manifestPath) {
  console.error("usage: node validate-manifest.mjs <manifest.json>");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));

let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, "utf8").replace(/^\uFEFF/, ""));
} catch (e) {
  console.log(`manifest is not readable JSON: ${e.message}`);
  process.exit(1);
}

const version = manifest.manifestVersion;
if (typeof version !== "string" || !/^\d+\.\d+$/.test(version)) {
  console.log(`manifestVersion must be a numbered version like "1.30", got ${JSON.stringify(version)}`);
  process.exit(1);
}
const schemaPath = path.join(packageRoot, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
if (!existsSync(schemaPath)) {
  console.error(`no packaged schema for manifestVersion ${version} (looked for ${schemaPath})`);
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

if (!String(schema.$schema).includes("draft-04")) {
  console.error(`schema ${schemaPath} is not draft-04 (${schema.$schema}); update this script`);
  process.exit(2);
}
const ajv = new Ajv04({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
const validate = ajv.compile(schema);
const errors = validate(manifest)
  ? []
  : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);

// Rules Teams enforces that the schema does not express.
const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
if (manifest.$schema !== expectedSchemaUrl) {
  errors.push(`/$schema must be ${expectedSchemaUrl} to match manifestVersion ${version}`);
}
for (const [b, bot] of (manifest.bots ?? []).entries()) {
  for (const [l, list] of (bot.commandLists ?? []).entries()) {
    for (const [c, command] of (list.commands ?? []).entries()) {
      const at = `/bots/${b}/commandLists/${l}/commands/${c}`;
      if ((command.title ?? "").length > 32) errors.push(`${at}/title must be at most 32 characters`);
      if ((command.description ?? "").length > 128) errors.push(`${at}/description must be at most 128 characters`);
    }
  }
}

if (errors.length > 0) {
  console.log(`${manifestPath}: ${errors.length} error(s) against schema v${version}`);
  for (const error of errors) console.log(`  ${error}`);
  process.exit(1);
}
console.log(`${manifestPath}: valid against packaged schema v${version}`);
