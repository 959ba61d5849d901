// Finds the fields of a core Kubernetes object that its schema does not declare, as
// `kubectl apply` with strict field validation does: without this a misspelt `livenesProbe:`
// validates, and the probe silently vanishes.
//
// kubernetes-models ships its schemas only as compiled ajv validators, not as JSON, so instead of
// reading a schema we watch its validator run over the object. For an object with declared fields
// the validator looks each of them up by name; for a map (labels, resources.limits, ConfigMap
// data) it lists the keys. So a key of an object that was looked into field by field, and never
// looked up, is not a field. Objects the validator never looks into (free-form ones such as
// RawExtension, or anything under an unknown field) are not judged.

// Fields the compiled validators never look up: kubernetes-models' generator strips `description`
// and the `x-kubernetes-*` extensions from the schemas, and with them the fields of those names
// (PriorityClass.description, a CRD's openAPIV3Schema). Found by comparing every model's declared
// TypeScript fields with the names its validator looks up; these were the only ones missing.
const strippedByGenerator = (key) => key === "description" || key.startsWith("x-kubernetes-");

export function unknownFields(validate, object) {
  const lookups = new WeakMap(); // object -> { names: keys looked up, listed: keys were listed }
  const proxies = new WeakMap();
  const watched = (value) => {
    if (value === null || typeof value !== "object") return value;
    if (!proxies.has(value)) {
      const seen = { names: new Set(), listed: false };
      lookups.set(value, seen);
      const lookUp = (key) => (typeof key === "string" && seen.names.add(key), key);
      proxies.set(value, new Proxy(value, {
        get: (target, key) => watched(Reflect.get(target, lookUp(key))),
        has: (target, key) => Reflect.has(target, lookUp(key)),
        getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(target, lookUp(key)),
        ownKeys: (target) => ((seen.listed = true), Reflect.ownKeys(target)),
      }));
    }
    return proxies.get(value);
  };
  try {
    validate(watched(object));
  } catch {
    // Schema errors (wrong types, missing fields) are the caller's to report.
  }
  const found = [];
  collect(object, "", lookups, found);
  return found;
}

function collect(value, path, lookups, found) {
  if (value === null || typeof value !== "object") return;
  const seen = lookups.get(value);
  const judged = seen && !Array.isArray(value) && !seen.listed && seen.names.size > 0;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (judged && !seen.names.has(key) && !strippedByGenerator(key)) {
      found.push({ path: childPath, known: [...seen.names] });
    } else {
      collect(child, childPath, lookups, found);
    }
  }
}

// The declared field most like a misspelt one, if any is close (at most a third of it differs).
export function closest(name, known) {
  const scored = known.map((candidate) => [distance(name, candidate), candidate]).sort((a, b) => a[0] - b[0]);
  return scored.length && scored[0][0] <= Math.max(1, Math.floor(name.length / 3)) ? scored[0][1] : undefined;
}

function distance(a, b) {  // Levenshtein
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
