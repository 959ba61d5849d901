// Validates every object of rendered manifests (multi-document YAML files given as arguments)
// offline: core Kubernetes kinds against the Kubernetes OpenAPI schemas bundled in
// kubernetes-models, with fields they do not declare refused as `kubectl apply` would refuse
// them (unknown-fields.mjs), Strimzi kinds against strimzi-schemas.mjs. Exits 1 if any object is
// invalid or of a kind it has no schema for.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import * as models from "kubernetes-models";
import { strimziSchemas } from "./strimzi-schemas.mjs";
import { closest, unknownFields } from "./unknown-fields.mjs";

const ajv = new Ajv({ allErrors: true, strict: false });

async function kubernetesModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

async function problemsOf(object) {
  const { apiVersion, kind } = object;
  const custom = strimziSchemas[`${apiVersion}/${kind}`];
  if (custom) {
    const validate = ajv.compile(custom);
    return validate(object) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
  const Model = await kubernetesModel(apiVersion, kind);
  if (!Model) {
    return [`no schema for ${apiVersion} ${kind}`];
  }
  const problems = [];
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(error.message);
  }
  // The model's validate takes the model as `this`; given the object itself, it can be watched.
  const validate = (data) => Model.prototype.validate.call(data);
  for (const { path, known } of unknownFields(validate, object)) {
    const guess = closest(path.split("/").pop(), known);
    problems.push(`${path} is not a field of ${apiVersion} ${kind}${guess ? ` (did you mean ${guess}?)` : ""}`);
  }
  return problems;
}

let invalid = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const object = document.toJS();
    if (!object) continue;
    checked++;
    const name = `${file}: ${object.kind}/${object.metadata?.name}`;
    const problems = document.errors.length ? document.errors.map(String) : await problemsOf(object);
    if (problems.length) {
      invalid++;
      console.log(`INVALID ${name}\n  ${problems.join("\n  ")}`);
    }
  }
}
console.log(`${checked} objects checked, ${invalid} invalid`);
process.exit(invalid === 0 && checked > 0 ? 0 : 1);
