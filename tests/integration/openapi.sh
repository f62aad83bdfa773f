# The examples in www/openapi.yaml are accepted by the running portal (sourced by run.sh).
# www/openapi.yaml is served by nginx, parses as OpenAPI 3.1, its own examples
# fit its own schemas, every request-body example of every POST is accepted
# (201) by a token of the operation's first x-roles role, and what the daemon
# answers fits the documented schema, with no undocumented members.
# Needs PyYAML (Debian: python3-yaml, installed by ./dev).

OAS_FILE=$STATE/openapi.yaml
OAS_TOOL=$STATE/oas.py
cat >"$OAS_TOOL" <<'PY'
"""A small checker for www/openapi.yaml: the subset of JSON Schema it uses."""
import json
import re
import sys

import yaml


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def pointer(doc, ref):
    if not ref.startswith("#/"):
        raise ValueError("only local $ref: " + ref)
    node = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def ecma(pattern):
    # ECMA-262 '$' does not match before a final newline; Python's does.
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


TYPES = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def evaluated(doc, schema):
    """The member names a schema names, with those of its $ref and allOf."""
    names = set(schema.get("properties", {}))
    if "$ref" in schema:
        names |= evaluated(doc, pointer(doc, schema["$ref"]))
    for sub in schema.get("allOf", []):
        names |= evaluated(doc, sub)
    return names


def validate(doc, schema, v, path="", strict=False, beside=frozenset()):
    """Problems of v against schema, as a list of strings. strict: an object
    whose schema lists properties and says nothing of additionalProperties
    may hold no other members (the daemon sends nothing undocumented), but
    for those that a schema beside it names (beside: through the $ref or
    allOf that led here). unevaluatedProperties: false refuses the members
    that neither the schema nor its $ref and allOf name."""
    errs = []
    here = beside | evaluated(doc, schema) if isinstance(v, dict) else beside
    if "$ref" in schema:
        errs += validate(doc, pointer(doc, schema["$ref"]), v, path, strict, here)
    for sub in schema.get("allOf", []):
        errs += validate(doc, sub, v, path, strict, here)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[t](v) for t in types):
            return errs + [f"{path or '/'}: {json.dumps(v)[:60]} is not {'/'.join(types)}"]
    if "const" in schema and v != schema["const"]:
        errs.append(f"{path}: not {schema['const']!r}")
    if "enum" in schema and v not in schema["enum"]:
        errs.append(f"{path}: {v!r} not in {schema['enum']}")
    if isinstance(v, str):
        if "pattern" in schema and not re.search(ecma(schema["pattern"]), v):
            errs.append(f"{path}: {v[:40]!r} does not match {schema['pattern'][:60]}")
        if len(v) < schema.get("minLength", 0) or len(v) > schema.get("maxLength", len(v)):
            errs.append(f"{path}: length {len(v)}")
    if TYPES["number"](v):
        if v < schema.get("minimum", v) or v > schema.get("maximum", v):
            errs.append(f"{path}: {v} out of range")
    if isinstance(v, list):
        if len(v) < schema.get("minItems", 0) or len(v) > schema.get("maxItems", len(v)):
            errs.append(f"{path}: {len(v)} items")
        if "items" in schema:
            for i, item in enumerate(v):
                errs += validate(doc, schema["items"], item, f"{path}[{i}]", strict)
    if isinstance(v, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in v:
                errs.append(f"{path}.{name}: required, missing")
        extra = schema.get("additionalProperties")
        closed = schema.get("unevaluatedProperties") is False
        for name, value in v.items():
            sub = f"{path}.{name}" if path else name
            if name in props:
                errs += validate(doc, props[name], value, sub, strict)
            elif extra is False:
                errs.append(f"{sub}: not in the schema")
            elif isinstance(extra, dict):
                errs += validate(doc, extra, value, sub, strict)
            elif closed and name not in evaluated(doc, schema):
                errs.append(f"{sub}: not in the schema")
            elif strict and props and extra is None and name not in here:
                errs.append(f"{sub}: not in the schema")
    if "oneOf" in schema:
        fits = [s for s in schema["oneOf"] if not validate(doc, s, v, path, strict, beside)]
        if len(fits) != 1:
            errs.append(f"{path}: fits {len(fits)} of the oneOf alternatives, not 1")
    return list(dict.fromkeys(errs))


def operations(doc):
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in ("get", "put", "post", "patch", "delete"):
                yield path, method, op


def first_role(op):
    roles = op.get("x-roles") or ["huisarts"]
    return roles[0]


def examples(media):
    if "example" in media:
        yield "example", media["example"]
    for name, ex in media.get("examples", {}).items():
        yield name, ex["value"]


def cmd_version(doc):
    v = str(doc.get("openapi", ""))
    print(v)
    return 0 if re.fullmatch(r"3\.1\.[0-9]+", v) else 1


def cmd_selfcheck(doc):
    """Every example in the file fits the schema next to it."""
    bad = n = 0
    for path, method, op in operations(doc):
        places = []
        body = op.get("requestBody", {}).get("content", {})
        places += [("request", body)]
        for status, resp in op.get("responses", {}).items():
            if "$ref" in resp:
                resp = pointer(doc, resp["$ref"])
            places += [(status, resp.get("content", {}))]
        for where, content in places:
            for ctype, media in content.items():
                for name, value in examples(media):
                    n += 1
                    for e in validate(doc, media.get("schema", {}), value, strict=True):
                        bad += 1
                        print(f"{method.upper()} {path} {where} example {name}: {e}")
    print(f"{n} examples checked")
    return 1 if bad or n == 0 else 0


def cmd_post_examples(doc, outdir):
    """One line per request-body example of a POST: path, role, name, file."""
    k = 0
    for path, method, op in operations(doc):
        if method != "post":
            continue
        media = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        for name, value in examples(media):
            k += 1
            f = f"{outdir}/example-{k}.json"
            with open(f, "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False)
            print(f"{path}\t{first_role(op)}\t{name}\t{f}")
    return 0


def cmd_plain_gets(doc):
    """One line per GET without path parameters: path, role ('-': no token)."""
    for path, method, op in operations(doc):
        if method == "get" and "{" not in path:
            print(f"{path}\t{'-' if op.get('security') == [] else first_role(op)}")
    return 0


def cmd_response(doc, method, path, status, body_file):
    """The body fits the documented schema of that answer, strictly."""
    op = doc["paths"][path][method.lower()]
    resp = op["responses"][status]
    if "$ref" in resp:
        resp = pointer(doc, resp["$ref"])
    with open(body_file, encoding="utf-8") as f:
        body = json.load(f)
    schema = resp["content"]["application/json"]["schema"]
    errs = validate(doc, schema, body, strict=True)
    for e in errs:
        print(f"{method} {path} {status}: {e}")
    return 1 if errs else 0


ROUTES = {"/api/v1/verwijzingen": "verwijzing", "/api/v1/mandaten": "mandaat",
          "/api/v1/meldingen": "melding", "/api/v1/overdrachten": "overdracht"}
# iJw COD327 by the role that made the zaak (API.md, openapi.yaml verwijzer.type).
COD327 = {"huisarts": "02", "jeugdarts": "03", "medisch_specialist": "05", "gi": "04",
          "rechter": "08", "om": "08", "jji": "08", "ouder": "06", "jeugdige": "06",
          "cjg": "01", "plein": "01", "gst": "01"}


def cmd_echo(request_file, zaak_file, path, role):
    """The zaak holds what the create call said, and what follows from it."""
    with open(request_file, encoding="utf-8") as f:
        req = json.load(f)
    with open(zaak_file, encoding="utf-8") as f:
        zaak = json.load(f)
    errs = []
    route = ROUTES.get(path)
    mandaat = None
    if route == "mandaat":
        mandaat = {k: req.get(k) for k in ("maatregel", "uitspraakdatum", "kenmerk")}
    want = {
        "route": route,
        "mandaat": mandaat,
        "toestemming_gegevensdeling": True if route == "overdracht" else None,
        "jeugdige": req["jeugdige"],
        "gezaghebbenden": req["gezaghebbenden"],
        "hulpvraag": req["hulpvraag"],
        "spoed": bool(req.get("spoed")),
        "voortzetting": bool(req.get("voortzetting")),
        "productcategorie": req.get("productcategorie"),
        "aanbieder_agb": req.get("aanbieder_agb"),
        "status": "ontvangen",
        "verantwoordelijke_gemeente": req["gezaghebbenden"][0]["gemeente"],
        "woonplaats_te_bepalen": len({g["gemeente"] for g in req["gezaghebbenden"]}) > 1,
    }
    for k, v in want.items():
        if zaak.get(k) != v:
            errs.append(f"{k}: {zaak.get(k)!r}, expected {v!r}")
    for k in ("specialisme", "reden"):
        if zaak["verwijzer"].get(k) != req.get(k):
            errs.append(f"verwijzer.{k}: {zaak['verwijzer'].get(k)!r}, expected {req.get(k)!r}")
    if zaak["verwijzer"].get("type") != COD327.get(role):
        errs.append(f"verwijzer.type: {zaak['verwijzer'].get('type')!r}, expected {COD327.get(role)!r}")
    if route == "verwijzing":
        # The one termijnregel so far: beschikking, for verwijzingen only.
        import datetime
        day = datetime.date.fromisoformat(zaak["aangemaakt"][:10])
        # Receipt is counted in Europe/Amsterdam; around midnight UTC it is a day later.
        ok = {str(day + datetime.timedelta(days=56)), str(day + datetime.timedelta(days=57))}
        if zaak["termijnen"].get("beschikking") not in ok:
            errs.append(f"termijnen.beschikking: {zaak['termijnen'].get('beschikking')!r}")
    for e in errs:
        print(e)
    return 1 if errs else 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "echo":
        sys.exit(cmd_echo(*args))
    d = load(args[0])
    sys.exit(globals()["cmd_" + cmd.replace("-", "_")](d, *args[1:]))
PY

request GET /openapi.yaml
check "GET /openapi.yaml: 200 application/yaml (got $STATUS $(header Content-Type))" \
	test "$STATUS:$(header Content-Type)" = "200:application/yaml"
curl -s -o "$OAS_FILE" "$BASE/openapi.yaml"
OAS_VERSION=$(python3 "$OAS_TOOL" version "$OAS_FILE" 2>&1); rc=$?
check "openapi.yaml parses as YAML and says openapi: 3.1.x (got: ${OAS_VERSION:0:60})" test "$rc" = 0
oas_selfcheck() {
	local out
	out=$(python3 "$OAS_TOOL" selfcheck "$OAS_FILE" 2>&1) || { printf '%s\n' "$out" | sed 's/^/#   /'; return 1; }
}
check "every example in openapi.yaml fits its own schema" oas_selfcheck

# oas_fits METHOD PATH STATUS: BODY fits the documented answer, nothing undocumented.
oas_fits() {
	local out
	printf '%s' "$BODY" >"$STATE/oas-body.json"
	out=$(python3 "$OAS_TOOL" response "$OAS_FILE" "$1" "$2" "$3" "$STATE/oas-body.json" 2>&1) ||
		{ printf '%s\n' "$out" | head -n 10 | sed 's/^/#   /'; return 1; }
}
oas_echo() { # oas_echo REQUEST_FILE PATH ROLE
	local out
	printf '%s' "$BODY" >"$STATE/oas-zaak.json"
	out=$(python3 "$OAS_TOOL" echo "$1" "$STATE/oas-zaak.json" "$2" "$3" 2>&1) ||
		{ printf '%s\n' "$out" | head -n 10 | sed 's/^/#   /'; return 1; }
}

OAS_CREATED=() # ROLE ID of each zaak made from an example
mkdir -p "$STATE/oas-examples"
OAS_POSTS=$(python3 "$OAS_TOOL" post-examples "$OAS_FILE" "$STATE/oas-examples")
check "openapi.yaml has request-body examples for POST operations" test -n "$OAS_POSTS"
while IFS=$'\t' read -r path role name file <&3; do
	[ -n "$path" ] || continue
	tok=$(token -r "$role")
	request POST "$path" -H "$(bearer "$tok")" -H 'Content-Type: application/json' \
		--data-binary @"$file"
	check "POST $path example '$name' as $role: 201 (got $STATUS)" test "$STATUS" = 201
	[ "$STATUS" = 201 ] || { printf '#   %s\n' "${BODY:0:400}"; continue; }
	loc=$(header Location)
	OAS_CREATED+=("$role $(json "['id']")")
	check "POST $path example '$name': the answer fits the documented 201 schema" \
		oas_fits POST "$path" 201
	check "POST $path example '$name': the zaak holds what was sent" oas_echo "$file" "$path" "$role"
	check "POST $path example '$name': Location is /api/v1/zaken/{id}" \
		test "$loc" = "/api/v1/zaken/$(json "['id']")"
	request GET "$loc" -H "$(bearer "$tok")"
	check "GET $loc (example '$name'): 200 and fits the documented schema" \
		eval '[ "$STATUS" = 200 ] && oas_fits GET /api/v1/zaken/{id} 200'
done 3<<<"$OAS_POSTS"
for made in "${OAS_CREATED[@]}"; do
	request GET "/api/v1/zaken?limit=100" -H "$(bearer "$(token -r "${made% *}")")"
	check "GET /api/v1/zaken as ${made% *} lists the zaak ${made#* } and fits the documented schema" \
		eval '[ "$STATUS" = 200 ] && json "[\"zaken\"]" | grep -q "${made#* }" && oas_fits GET /api/v1/zaken 200'
done

OAS_GETS=$(python3 "$OAS_TOOL" plain-gets "$OAS_FILE")
check "openapi.yaml describes GET /api/v1/health" grep -qx $'/api/v1/health\t-' <<<"$OAS_GETS"
while IFS=$'\t' read -r path role <&3; do
	[ -n "$path" ] || continue
	if [ "$role" = - ]; then
		request GET "$path"
		who="without a token"
	else
		request GET "$path" -H "$(bearer "$(token -r "$role")")"
		who="as $role"
	fi
	check "GET $path $who (no parameters) is there: not 404 (got $STATUS)" \
		test "$STATUS" != 404
	check "GET $path: 200 and fits the documented schema" \
		eval '[ "$STATUS" = 200 ] && oas_fits GET "$path" 200'
done 3<<<"$OAS_GETS"
