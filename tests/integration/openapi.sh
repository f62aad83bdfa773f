# The examples in www/openapi.yaml are accepted by the running portal (sourced by run.sh).
# www/openapi.yaml is served by nginx, parses as OpenAPI 3.1, its own examples
# fit its own schemas, every request-body example of every create call is
# accepted (201) by a token of the operation's first x-roles role, and what
# the daemon answers fits the documented schema, with no undocumented members.
# The PGB calls (calculator, tariffs, declarations) and the productenboek
# (list, the region's overview) are tried with their examples: each answers
# as documented, for a success and for a refusal.
# The actions of the CJG procedure (POST /api/v1/zaken/{id}/acties/{actie})
# need a zaak in the right status: their examples, one per action and named
# after it, are posted as cjg on zaken made here, in the order of the
# procedure, and each must answer 200 with a zaak that fits the schema.
# Needs PyYAML (Debian: python3-yaml, installed by ./dev).

OAS_FILE=$STATE/openapi.yaml
OAS_TOOL=$STATE/oas.py
cat >"$OAS_TOOL" <<'PY'
"""A small checker for www/openapi.yaml: the subset of JSON Schema it uses."""
import datetime
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


def write_example(outdir, k, value):
    f = f"{outdir}/example-{k}.json"
    with open(f, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False)
    return f


def cmd_post_examples(doc, outdir):
    """One line per request-body example of a POST to a path without
    parameters that answers 201 (the create calls): path, role, name, file."""
    k = 0
    for path, method, op in operations(doc):
        if method != "post" or "{" in path or "201" not in op.get("responses", {}):
            continue
        media = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        for name, value in examples(media):
            k += 1
            print(f"{path}\t{first_role(op)}\t{name}\t{write_example(outdir, k, value)}")
    return 0


def action_schema(name):
    """The content schema of an action: Actie and the name in CamelCase."""
    return "#/components/schemas/Actie" + "".join(p.capitalize() for p in name.split("_"))


def cmd_action_examples(doc, path, outdir):
    """The request examples of the actions endpoint: one line per example,
    name and file. Every action (the actie parameter's enum) has one, named
    after it; a further one of an action is named after it, '-' and a
    variant (gezinsplan-bestaand). Each fits its own action's schema."""
    op = doc["paths"][path]["post"]
    param = next(p for p in op["parameters"] if p["name"] == "actie")
    names = pointer(doc, param["schema"]["$ref"])["enum"] if "$ref" in param["schema"] else param["schema"]["enum"]
    media = op["requestBody"]["content"]["application/json"]
    bad = []
    seen = set()
    for k, (name, value) in enumerate(examples(media), 1):
        action = name.split("-", 1)[0]
        if action not in names:
            bad.append(f"example {name!r} is not named after an action")
            continue
        seen.add(name)
        for e in validate(doc, {"$ref": action_schema(action)}, value, strict=True):
            bad.append(f"example {name}: does not fit {action_schema(action)}: {e}")
        print(f"{name}\t{write_example(outdir, f'actie-{k}', value)}")
    for name in names:
        if name not in seen:
            bad.append(f"no example for the action {name}")
    for b in bad:
        print(b, file=sys.stderr)
    return 1 if bad else 0


def cmd_example(doc, path, method, where, name, media="application/json"):
    """One example of the file as JSON: where is "request" or a status."""
    op = doc["paths"][path][method.lower()]
    if where == "request":
        content = op["requestBody"]["content"]
    else:
        resp = op["responses"][where]
        content = (pointer(doc, resp["$ref"]) if "$ref" in resp else resp)["content"]
    value = dict(examples(content[media]))[name]
    print(json.dumps(value, ensure_ascii=False))
    return 0


def cmd_plain_gets(doc):
    """One line per GET without path parameters and without a required query
    parameter: path, role ('-': no token)."""
    for path, method, op in operations(doc):
        required = [p for p in op.get("parameters", []) if p.get("in") == "query" and p.get("required")]
        if method == "get" and "{" not in path and not required:
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
    content = resp["content"]
    schema = (content.get("application/json") or content["application/problem+json"])["schema"]
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


def easter(y):  # anonymous Gregorian algorithm
    a, b, c = y % 19, y // 100, y % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    l = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * l) // 451
    return datetime.date(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)


def free(x):
    """A Saturday, Sunday or feestdag of the Algemene termijnenwet (art. 3)."""
    D, day = datetime.date, datetime.timedelta(days=1)
    y, e, k = x.year, easter(x.year), D(x.year, 4, 27)
    k = k - day if k.isoweekday() == 7 else k
    return x.isoweekday() > 5 or x in {D(y, 1, 1), e, e + day, k, D(y, 5, 5), e + 39 * day,
                                       e + 49 * day, e + 50 * day, D(y, 12, 25), D(y, 12, 26)}


def atw_end(x):
    """x, or the first day after it that is no Saturday, Sunday or feestdag
    of the Algemene termijnenwet (art. 1 and 3)."""
    while free(x):
        x += datetime.timedelta(days=1)
    return x


def werkdagen(x, n):
    """n werkdagen after x (the day itself does not count)."""
    for _ in range(n):
        x = atw_end(x + datetime.timedelta(days=1))
    return x


# iJw WJ232 juridische status by maatregel (openapi.yaml Zaak.mandaat).
WJ232 = {"ots": "04", "machtiging_gesloten_jeugdhulp": "01", "jeugdreclassering": "12"}


def cmd_echo(request_file, zaak_file, path, role):
    """The zaak holds what the create call said, and what follows from it."""
    with open(request_file, encoding="utf-8") as f:
        req = json.load(f)
    with open(zaak_file, encoding="utf-8") as f:
        zaak = json.load(f)
    errs = []
    route = ROUTES.get(path)
    mandaat = overdracht = None
    if route == "mandaat":
        mandaat = {k: req.get(k) for k in ("maatregel", "uitspraakdatum", "kenmerk", "omvang")}
        mandaat["juridische_status"] = WJ232.get(req["maatregel"])
    if route == "overdracht":
        overdracht = {k: req.get(k) for k in ("reden", "geprobeerd", "team")}
    want = {
        "route": route,
        "mandaat": mandaat,
        "overdracht": overdracht,
        "andere_domeinen": req.get("andere_domeinen"),
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
        # No region configured: every zaak is handled where it belongs.
        "behandelende_gemeente": req["gezaghebbenden"][0]["gemeente"],
        "buiten_regio": False,
        "doorzending": None,
        "toewijzingen": [],
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
    # The termijnregels at receipt: beschikking (verwijzingen: 8 weeks),
    # toewijzing (mandaten: 5 werkdagen), tijdelijke_maatregel (spoed: the
    # next calendar day, not moved off a free day); no other.
    day = datetime.date.fromisoformat(zaak["aangemaakt"][:10])
    # Receipt is counted in Europe/Amsterdam; around midnight UTC it is a
    # day later. An end on a free day moves to the next working day.
    days = (day, day + datetime.timedelta(days=1))
    rules = {}
    if route == "verwijzing":
        rules["beschikking"] = {str(atw_end(d + datetime.timedelta(days=56))) for d in days}
    if route == "mandaat":
        rules["toewijzing"] = {str(werkdagen(d, 5)) for d in days}
    if req.get("spoed"):
        rules["tijdelijke_maatregel"] = {str(d + datetime.timedelta(days=1)) for d in days}
    if set(zaak["termijnen"]) != set(rules):
        errs.append(f"termijnen: {sorted(zaak['termijnen'])}, expected {sorted(rules)}")
    for name, ok in rules.items():
        if zaak["termijnen"].get(name) not in ok:
            errs.append(f"termijnen.{name}: {zaak['termijnen'].get(name)!r}, expected one of {sorted(ok)}")
    # The gezin: this zaak among those the creator sees; a handing-over team
    # becomes the casusregisseur of a family that had none (the overdracht
    # examples are families of their own; the others share persons with
    # other test files, whose gezin may have a regisseur already).
    gezin = zaak.get("gezin") or {}
    if zaak["id"] not in [z["id"] for z in gezin.get("zaken") or []]:
        errs.append("gezin.zaken: the zaak itself is not in it")
    regisseur = gezin.get("casusregisseur")
    if route == "overdracht":
        team = req.get("team") or {}
        org = f"Plein gemeente {zaak['verantwoordelijke_gemeente']}"
        want_r = {"soort": "team", "naam": team.get("contactpersoon", org),
                  "organisatie": team.get("naam", org), "telefoon": team.get("telefoon"),
                  "email": team.get("email")}
        if not regisseur or {k: regisseur.get(k) for k in want_r} != want_r:
            errs.append(f"gezin.casusregisseur: {regisseur!r}, expected {want_r!r}")
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
declare -A OAS_MADE=()   # "PATH NAME" -> the id of the zaak made from that example
declare -A OAS_SENT=()   # "PATH NAME" -> the example's file
mkdir -p "$STATE/oas-examples"
OAS_POSTS=$(python3 "$OAS_TOOL" post-examples "$OAS_FILE" "$STATE/oas-examples")
check "openapi.yaml has request-body examples for POST operations" test -n "$OAS_POSTS"
while IFS=$'\t' read -r path role name file <&3; do
	[ -n "$path" ] || continue
	OAS_SENT["$path $name"]=$file
	tok=$(token -r "$role")
	request POST "$path" -H "$(bearer "$tok")" -H 'Content-Type: application/json' \
		--data-binary @"$file"
	check "POST $path example '$name' as $role: 201 (got $STATUS)" test "$STATUS" = 201
	[ "$STATUS" = 201 ] || { printf '#   %s\n' "${BODY:0:400}"; continue; }
	loc=$(header Location)
	OAS_CREATED+=("$role $(json "['id']")")
	OAS_MADE["$path $name"]=$(json "['id']")
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

# oas_example PATH METHOD WHERE NAME: an example of openapi.yaml as JSON
# (WHERE: request, or the status of a response).
oas_example() { python3 "$OAS_TOOL" example "$OAS_FILE" "$@"; }
# oas_same PYTHON_EXPR JSON_A JSON_B: the expression over a and b (the two
# documents) holds, e.g. 'a["x"] == b["x"]'.
oas_same() {
	python3 -c '
import json, sys
a, b = json.loads(sys.argv[2]), json.loads(sys.argv[3])
sys.exit(0 if eval(sys.argv[1]) else 1)' "$@"
}
oas_problem_fits() { # oas_problem_fits STATUS METHOD PATH [TEXT]: that problem, documented, BODY has TEXT
	is_problem "$1" && oas_fits "$2" "$3" "$1" && grep -qF -- "${4:-}" <<<"$BODY"
}
# oas_answer STATUS METHOD PATH EXPR B: the answer (BODY) has STATUS, fits the
# documented schema of that answer of METHOD PATH, and the Python expression
# EXPR holds over a (the answer) and b (the JSON text B). oas_problem_as: the
# same for a problem (is_problem).
oas_answer() { [ "$STATUS" = "$1" ] && oas_fits "$2" "$3" "$1" && oas_same "$4" "$BODY" "$5"; }
oas_problem_as() { is_problem "$1" && oas_fits "$2" "$3" "$1" && oas_same "$4" "$BODY" "$5"; }

# ---------------------------------------------------------------- the actions of the CJG procedure
OAS_ACTIE_PATH='/api/v1/zaken/{id}/acties/{actie}'
OAS_CJG=$(token -r cjg)        # gemeente 0301
OAS_OUDER=$(token -r ouder)    # bsn 111222333
declare -A OAS_ACTIE=()        # example name (action, or action-variant) -> example file
OAS_ACTIONS=$(python3 "$OAS_TOOL" action-examples "$OAS_FILE" "$OAS_ACTIE_PATH" "$STATE/oas-examples" \
	2>"$STATE/oas-actions.err"); rc=$?
sed 's/^/#   /' "$STATE/oas-actions.err"
check "openapi.yaml has one request example per action, named after it and fitting that action's schema" \
	test "$rc" = 0
while IFS=$'\t' read -r name file; do
	[ -n "$name" ] && OAS_ACTIE[$name]=$file
done <<<"$OAS_ACTIONS"

# oas_melding SPOED: a new melding of the ouder (gezaghebbende 111222333 in
# 0301, the default cjg token's gemeente); sets OAS_ZAAK.
oas_melding() {
	OAS_ZAAK=
	request POST /api/v1/meldingen -H "$(bearer "$OAS_OUDER")" -H 'Content-Type: application/json' \
		--data-binary '{"jeugdige": {"bsn": "187891151", "geboortedatum": "2016-03-12", "naam": "Daan de Vries"},
		"gezaghebbenden": [{"bsn": "111222333", "naam": "Anna de Vries", "gemeente": "0301"}],
		"hulpvraag": "Daan is sinds de verhuizing erg boos en slaapt slecht.", "spoed": '"$1"'}'
	check "a melding (spoed: $1) by the ouder for the actions: 201" test "$STATUS" = 201
	OAS_ZAAK=$(json "['id']")
}
# oas_zaak_fits ROLE ZAAK: GET the zaak as ROLE; 200 and it fits the Zaak schema.
oas_zaak_fits() {
	request GET "/api/v1/zaken/$2" -H "$(bearer "$(token -r "$1")")"
	[ "$STATUS" = 200 ] && oas_fits GET "/api/v1/zaken/{id}" 200
}
# oas_act ZAAK EXAMPLE [FILE]: the request example EXAMPLE (named after its
# action, or the action, '-' and a variant) posted to that action as cjg
# (the token OAS_TOKEN, else the cjg of 0301), or FILE in its place: 200, a
# zaak that fits the schema, whose last statushistorie entry is that action
# with what was sent as its gegevens (a beoordeling adds the outcome of the
# GGZ check, 3.7.5; a doorzenden the iJw reason, WJ759 code 8). Sets
# OAS_STATUS to the zaak's status.
oas_act() {
	local before=${OAS_STATUS:-?} actie=${2%%-*} file=${3:-${OAS_ACTIE[$2]:-/dev/null}}
	request POST "/api/v1/zaken/$1/acties/$actie" -H "$(bearer "${OAS_TOKEN:-$OAS_CJG}")" \
		-H 'Content-Type: application/json' --data-binary @"$file"
	check "POST $OAS_ACTIE_PATH example '$2' as cjg (status $before): 200 (got $STATUS)" test "$STATUS" = 200
	[ "$STATUS" = 200 ] || { printf '#   %s\n' "${BODY:0:400}"; return; }
	check "POST $OAS_ACTIE_PATH example '$2': the answer fits the documented 200 schema" \
		oas_fits POST "$OAS_ACTIE_PATH" 200
	printf '%s' "$BODY" >"$STATE/oas-act.json"
	check "POST $OAS_ACTIE_PATH example '$2': the last history entry is the action, its gegevens the example" \
		python3 -c '
import json, sys
z, sent = json.load(open(sys.argv[1], encoding="utf-8")), json.load(open(sys.argv[2], encoding="utf-8"))
last = z["statushistorie"][-1]
g = dict(last["gegevens"] or {})
toetsing = g.pop("ggz_toetsing", None)
want = [{"naam": i["naam"], "lijst": "positief"} for i in sent.get("ggz_interventies") or []] or None
extra = {k: g.pop(k, None) for k in ("ijw_reden", "binnen_regio")}
want_extra = {"ijw_reden": None, "binnen_regio": None}
if sys.argv[3] == "doorzenden":
    want_extra = {"ijw_reden": {"codelijst": "WJ759", "code": "8", "omschrijving": "Woonplaatsbeginsel"},
                  "binnen_regio": False}
sys.exit(0 if last["actie"] == sys.argv[3] and g == sent and toetsing == want and extra == want_extra
         and last["door"] == "cjg" and last["status"] == z["status"]
         and isinstance(z.get("acties_toegestaan"), list) else 1)' \
		"$STATE/oas-act.json" "$file" "$actie"
	OAS_STATUS=$(json "['status']")
}

# The procedure in the order of the table: a melding from ontvangen to toegekend.
oas_melding false
OAS_ZAAK_A=$OAS_ZAAK OAS_STATUS=ontvangen
for a in ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan aanvraag beoordeling beschikken; do
	oas_act "$OAS_ZAAK_A" "$a"
done
# toegekend: only start_zorg allowed, no deadline running, and each product
# of the beschikken example a toewijzing (with its number) not yet started.
oas_granted() { # oas_granted ZAAK_JSON_FILE
	python3 -c '
import json, sys
z, sent = json.load(open(sys.argv[1], encoding="utf-8")), json.load(open(sys.argv[2], encoding="utf-8"))
t, p = z["toewijzingen"], sent["producten"]
ok = z["status"] == "toegekend" and z.get("acties_toegestaan") == ["start_zorg"] and z["termijnen"] == {}
ok = ok and len(t) == len(p) and all({k: a.get(k) for k in x} == x and a["gestart_op"] is None
                                     and isinstance(a["nummer"], int) for a, x in zip(t, p))
sys.exit(0 if ok else 1)' "$1" "${OAS_ACTIE[beschikken]}"
}
check "after the eight actions the melding is toegekend, only start_zorg allowed, no deadline running, its product a toewijzing" \
	oas_granted "$STATE/oas-act.json"
# start_zorg: the example names a toewijzing by its number, which the daemon
# hands out; here it is the number of the zaak's toewijzing.
oas_start_zorg() { # oas_start_zorg ZAAK_JSON_FILE OUT: the start_zorg example for that zaak's first toewijzing
	python3 -c '
import json, sys
z, ex = json.load(open(sys.argv[1], encoding="utf-8")), json.load(open(sys.argv[2], encoding="utf-8"))
ex["toewijzing"] = z["toewijzingen"][0]["nummer"]
json.dump(ex, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)' "$1" "${OAS_ACTIE[start_zorg]}" "$2"
}
oas_start_zorg "$STATE/oas-act.json" "$STATE/oas-start-zorg.json"
oas_act "$OAS_ZAAK_A" start_zorg "$STATE/oas-start-zorg.json"
check "start_zorg: the toewijzing's gestart_op is the example's startdatum, the zaak stays toegekend" \
	python3 -c '
import json, sys
z, sent = json.load(open(sys.argv[1], encoding="utf-8")), json.load(open(sys.argv[2], encoding="utf-8"))
t = [x for x in z["toewijzingen"] if x["nummer"] == sent["toewijzing"]]
sys.exit(0 if z["status"] == "toegekend" and len(t) == 1 and t[0]["gestart_op"] == sent["startdatum"] else 1)' \
	"$STATE/oas-act.json" "$STATE/oas-start-zorg.json"
request POST "/api/v1/zaken/$OAS_ZAAK_A/acties/start_zorg" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary @"$STATE/oas-start-zorg.json"
check "start_zorg again for the same toewijzing: 422 naming toewijzing, fits the documented schema" \
	oas_problem_fits 422 POST "$OAS_ACTIE_PATH" '"toewijzing"'
request POST "/api/v1/zaken/$OAS_ZAAK_A/acties/intrekken" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary @"${OAS_ACTIE[intrekken]:-/dev/null}"
check "intrekken on the toegekende zaak: 409 that fits the documented schema, with the detail of the example 'toegekend'" \
	oas_problem_as 409 POST "$OAS_ACTIE_PATH" 'a["detail"] == b["detail"]' \
	"$(oas_example "$OAS_ACTIE_PATH" post 409 toegekend application/problem+json)"
request POST "/api/v1/zaken/$OAS_ZAAK_A/acties/afmaken" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary '{}'
check "an action that does not exist: 404 that fits the documented schema" \
	oas_problem_fits 404 POST "$OAS_ACTIE_PATH"
for r in ouder beheerder cjg; do
	check "GET the toegekende zaak as $r: 200 and fits the documented schema" oas_zaak_fits "$r" "$OAS_ZAAK_A"
	check "GET the toegekende zaak as $r: acties_toegestaan only for cjg, gegevens only for cjg and beheerder" \
		python3 -c '
import json, sys
z, role = json.loads(sys.argv[1]), sys.argv[2]
g = [e["gegevens"] for e in z["statushistorie"][1:]]
ok = ("acties_toegestaan" in z) == (role == "cjg") and len(g) == 9
ok = ok and (all(isinstance(x, dict) for x in g) if role != "ouder" else all(x is None for x in g))
sys.exit(0 if ok and z["statushistorie"][0]["gegevens"] is None else 1)' "$BODY" "$r"
done
request GET "/api/v1/zaken/$OAS_ZAAK_A/inzage" -H "$(bearer "$OAS_OUDER")"
oas_inzage_fits() { # 200, documented, and the CJG's decision by gemeente 0301 is in it
	[ "$STATUS" = 200 ] && oas_fits GET "/api/v1/zaken/{id}/inzage" 200 && python3 -c '
import json, sys
i = json.loads(sys.argv[1])["inzage"]
sys.exit(0 if {"rol": "cjg", "wie": "gemeente:0301", "actie": "zaak.actie.beschikken"} in
         [{k: e[k] for k in ("rol", "wie", "actie")} for e in i] else 1)' "$BODY"
}
check "GET /api/v1/zaken/{id}/inzage as the ouder: 200, fits the documented schema, names the CJG's actions" \
	oas_inzage_fits
request GET "/api/v1/zaken/$OAS_ZAAK_A/inzage" -H "$(bearer "$(token -r cjg -c gemeente=0363 -s oas-cjg-0363)")"
check "GET /api/v1/zaken/{id}/inzage as the cjg of another gemeente: 404 that fits the documented schema" \
	oas_problem_fits 404 GET "/api/v1/zaken/{id}/inzage"

# The other actions: on an urgent melding, the ones that record without
# moving on and the advies, then intrekken; doorzenden on a third.
oas_melding true
OAS_ZAAK_B=$OAS_ZAAK OAS_STATUS=ontvangen
for a in ontvangst_bevestigen tijdelijke_maatregel werkwijze vooronderzoek gesprek verslag \
	verslag_aanvullen gezinsplan aanvraag opschorten; do
	oas_act "$OAS_ZAAK_B" "$a"
done
oas_werkvoorraad_fits() { # 200, documented, and zaak $1 is listed with its beschikking deadline
	[ "$STATUS" = 200 ] && oas_fits GET /api/v1/werkvoorraad 200 && python3 -c '
import json, sys
z = [i for i in json.loads(sys.argv[1])["zaken"] if i["id"] == sys.argv[2]]
sys.exit(0 if len(z) == 1 and z[0]["status"] == "aanvraag_ontvangen" and z[0]["spoed"]
         and (z[0]["termijn"] or {}).get("naam") == "beschikking" and not z[0]["buiten_regio"]
         and z[0]["verantwoordelijke_gemeente"] == "0301" else 1)' "$BODY" "$1"
}
request GET /api/v1/werkvoorraad -H "$(bearer "$OAS_CJG")"
check "GET /api/v1/werkvoorraad as cjg: 200, fits the documented schema, lists the zaak with its deadline" \
	oas_werkvoorraad_fits "$OAS_ZAAK_B"
# verdagen only before the beschikking term ends (Awb 4:14): the example's
# date is fixed, so once that term lies in the past the daemon must refuse it.
OAS_TERM=$(oas_zaak_fits cjg "$OAS_ZAAK_B" && json "['termijnen']['beschikking']")
if [[ "$(TZ=Europe/Amsterdam date +%F)" > "$OAS_TERM" ]]; then
	request POST "/api/v1/zaken/$OAS_ZAAK_B/acties/verdagen" -H "$(bearer "$OAS_CJG")" \
		-H 'Content-Type: application/json' --data-binary @"${OAS_ACTIE[verdagen]:-/dev/null}"
	check "verdagen after the beschikking term ($OAS_TERM): 422 naming nieuwe_datum, fits the documented schema" \
		oas_problem_fits 422 POST "$OAS_ACTIE_PATH" '"nieuwe_datum"'
else
	oas_act "$OAS_ZAAK_B" verdagen
fi
for a in beoordeling advies intrekken; do
	oas_act "$OAS_ZAAK_B" "$a"
done
check "the urgent melding ends ingetrokken" test "$OAS_STATUS" = ingetrokken
request POST "/api/v1/zaken/$OAS_ZAAK_B/acties/werkwijze" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary @"${OAS_ACTIE[werkwijze]:-/dev/null}"
check "werkwijze on the ingetrokken zaak: 409 that fits the documented schema, with the detail of the example 'afgerond'" \
	oas_problem_as 409 POST "$OAS_ACTIE_PATH" 'a["detail"] == b["detail"]' \
	"$(oas_example "$OAS_ACTIE_PATH" post 409 afgerond application/problem+json)"
oas_melding false
OAS_STATUS=ontvangen
oas_act "$OAS_ZAAK" doorzenden
check "the third melding ends doorgezonden, offered no more: doorzending names Lochem (WJ759 code 8), no deadline" \
	oas_answer 200 POST "$OAS_ACTIE_PATH" 'a["status"] == "doorgezonden" and a["termijnen"] == {} and a["doorzending"] == {"aangeboden": False, "naar": b["gemeente"], "reden": {"codelijst": "WJ759", "code": "8", "omschrijving": "Woonplaatsbeginsel"}}' \
	"$(cat "${OAS_ACTIE[doorzenden]}")"

# Art. 3.7.4: a verwijzing is decided right after its receipt is confirmed.
request POST /api/v1/verwijzingen -H "$(bearer "$(token -r huisarts)")" -H 'Content-Type: application/json' \
	--data-binary '{"jeugdige": {"bsn": "187891151", "geboortedatum": "2016-03-12", "naam": "Daan de Vries"},
	"gezaghebbenden": [{"bsn": "111222333", "naam": "Anna de Vries", "gemeente": "0301"}],
	"hulpvraag": "Slaapproblemen en boosheid sinds de verhuizing."}'
check "a verwijzing for the 3.7.4 shortcut: 201" test "$STATUS" = 201
OAS_ZAAK_D=$(json "['id']") OAS_STATUS=ontvangen
oas_act "$OAS_ZAAK_D" ontvangst_bevestigen
oas_act "$OAS_ZAAK_D" beschikken
check "the verwijzing is toegekend without the eigen-kracht steps (3.7.4)" test "$OAS_STATUS" = toegekend

# ---------------------------------------------------------------- gedwongen kader
# The mandaat made of the example 'ots' (Apeldoorn, 0200) is decided by the
# CJG of Apeldoorn straight from ontvangen; the beschikken example as a PGB
# is refused as the 422 example 'pgb-uitgesloten' says (4.2.4 sub h).
OAS_ZAAK_M=${OAS_MADE[/api/v1/mandaten ots]:-none}
OAS_TOKEN=$(token -r cjg -c gemeente=0200 -s oas-cjg-0200)
request POST "/api/v1/zaken/$OAS_ZAAK_M/acties/beschikken" -H "$(bearer "$OAS_TOKEN")" \
	-H 'Content-Type: application/json' --data-binary @"${OAS_ACTIE[beschikken-pgb]:-/dev/null}"
check "beschikken-pgb (a complete PGB) on the ots mandaat: 422 that fits the documented schema, invalid-params as the example 'pgb-uitgesloten'" \
	oas_problem_as 422 POST "$OAS_ACTIE_PATH" 'a["invalid-params"] == b["invalid-params"]' \
	"$(oas_example "$OAS_ACTIE_PATH" post 422 pgb-uitgesloten application/problem+json)"
# The beschikken example as a PGB without its pgb object: refused for that
# first, as the example 'pgb-onvolledig' says, not yet for 4.2.4 sub h.
python3 -c '
import json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))
for p in b["producten"]:
    p["vorm"] = "pgb"
json.dump(b, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' \
	"${OAS_ACTIE[beschikken]}" "$STATE/oas-beschikken-pgb.json"
request POST "/api/v1/zaken/$OAS_ZAAK_M/acties/beschikken" -H "$(bearer "$OAS_TOKEN")" \
	-H 'Content-Type: application/json' --data-binary @"$STATE/oas-beschikken-pgb.json"
check "the beschikken example as a PGB without its pgb object on the ots mandaat: 422 that fits the documented schema, invalid-params as the example 'pgb-onvolledig'" \
	oas_problem_as 422 POST "$OAS_ACTIE_PATH" 'a["invalid-params"] == b["invalid-params"]' \
	"$(oas_example "$OAS_ACTIE_PATH" post 422 pgb-onvolledig application/problem+json)"
OAS_STATUS=ontvangen
oas_act "$OAS_ZAAK_M" beschikken
check "the mandaat is toegekend from ontvangen (gedwongen kader), its toewijzing deadline ended, its product a toewijzing" \
	oas_granted "$STATE/oas-act.json"
OAS_TOKEN=
request GET "/api/v1/zaken/$OAS_ZAAK_M" -H "$(bearer "$(token -r gi)")"
check "GET the decided mandaat as the gi: 200, fits the documented schema, shows the toewijzing and its omvang" \
	oas_answer 200 GET "/api/v1/zaken/{id}" \
	'[{k: t[k] for k in x} for t, x in zip(a["toewijzingen"], b["producten"])] == b["producten"]' \
	"$(cat "${OAS_ACTIE[beschikken]}")"
# An aanbieder sees the zaken in which a toewijzing names its AGB code (here
# 22334455, of the beschikken example), and not those that merely name it as
# the intended provider (22123456, the verwijzing example 'volledig').
OAS_AANBIEDER=$(token -r aanbieder -c agb=22334455 -s oas-aanbieder)
request GET "/api/v1/zaken?limit=100" -H "$(bearer "$OAS_AANBIEDER")"
check "GET /api/v1/zaken as the aanbieder of the toewijzing: fits the documented schema, lists the decided mandaat" \
	oas_answer 200 GET /api/v1/zaken 'b in [z["id"] for z in a["zaken"]]' "\"$OAS_ZAAK_M\""
request GET "/api/v1/zaken/$OAS_ZAAK_M" -H "$(bearer "$OAS_AANBIEDER")"
check "GET the decided mandaat as the aanbieder of its toewijzing: 200, fits the documented schema, no CJG content" \
	oas_answer 200 GET "/api/v1/zaken/{id}" \
	'[t["aanbieder_agb"] for t in a["toewijzingen"]] == [b] and "acties_toegestaan" not in a and all(e["gegevens"] is None for e in a["statushistorie"])' \
	'"22334455"'
request GET "/api/v1/zaken/${OAS_MADE[/api/v1/verwijzingen volledig]:-none}" \
	-H "$(bearer "$(token -r aanbieder -c agb=22123456 -s oas-aanbieder-2)")"
check "GET the verwijzing 'volledig' as its intended aanbieder (no toewijzing): 404 that fits the documented schema" \
	oas_problem_fits 404 GET "/api/v1/zaken/{id}"

# ---------------------------------------------------------------- persoonsgebonden budget, productenboek
# The calculator answers its request example exactly as its 200 example says
# (the lines' dates are fixed, so the answer does not depend on today), and
# lines it refuses as the 422 example 'geen-pgb'; the tables as of a date fit
# their schema. A verwijzing of Daan (his mother 111222333 in Zutphen) is
# decided with the example 'beschikken-pgb', its product moved to start
# today: the toewijzing carries the calculated line and its budget,
# pgb_besteding runs, and the mother declares today's hours with the example
# 'oma' (201), and again at a rate above the beschikking's (422 as the
# example 'te-duur'). The productenboek of the examples is imported with
# toegang-import and listed as the example 'de-berkel' says; the region's
# overview counts the decisions made here.
OAS_PGB=/api/v1/pgb/berekening
request POST "$OAS_PGB" -H "$(bearer "$(token -r huisarts)")" -H 'Content-Type: application/json' \
	--data-binary "$(oas_example "$OAS_PGB" post request oma-en-logeren)"
check "POST $OAS_PGB example 'oma-en-logeren' as huisarts: 200, fits the documented schema, the answer is the 200 example" \
	oas_answer 200 POST "$OAS_PGB" 'a == b' "$(oas_example "$OAS_PGB" post 200 oma-en-logeren)"
request POST "$OAS_PGB" -H "$(bearer "$OAS_OUDER")" -H 'Content-Type: application/json' \
	--data-binary '{"regels": [
	{"tarief": "crisisopvang", "hulp": "formeel", "volume": 3, "per": "totaal", "ingangsdatum": "2026-12-01", "einddatum": "2026-12-03"},
	{"tarief": "individuele_begeleiding_licht", "hulp": "informeel", "leeftijd_hulpverlener": 30, "volume": 45, "per": "week",
	 "ingangsdatum": "2026-12-01", "einddatum": "2027-05-31"}]}'
check "POST $OAS_PGB with crisisopvang and 45 informal hours a week as ouder: 422 that fits the documented schema, invalid-params as the example 'geen-pgb'" \
	oas_problem_as 422 POST "$OAS_PGB" 'a["invalid-params"] == b["invalid-params"]' \
	"$(oas_example "$OAS_PGB" post 422 geen-pgb application/problem+json)"
request GET "/api/v1/pgb/tarieven?datum=2026-12-01&gemeente=0301" -H "$(bearer "$OAS_OUDER")"
check "GET /api/v1/pgb/tarieven?datum=2026-12-01&gemeente=0301 as ouder: 200, fits the documented schema, holds the row and rule of the example 'ingekort'" \
	oas_answer 200 GET /api/v1/pgb/tarieven \
	'(a["datum"], a["gemeente"]) == (b["datum"], b["gemeente"]) and all(x in a["tarieven"] for x in b["tarieven"]) and all(x in a["regels"] for x in b["regels"]) and [m["leeftijd"] for m in a["minimumloon"]] == list(range(15, 23))' \
	"$(oas_example /api/v1/pgb/tarieven get 200 ingekort)"
request GET "/api/v1/pgb/tarieven?datum=2026-02-30" -H "$(bearer "$OAS_OUDER")"
check "GET /api/v1/pgb/tarieven?datum=2026-02-30: 400 naming datum, fits the documented schema" \
	oas_problem_fits 400 GET /api/v1/pgb/tarieven '"datum"'

# beschikken-pgb on a verwijzing, the product from today for 26 weeks.
OAS_VANDAAG=$(TZ=Europe/Amsterdam date +%F)
request POST /api/v1/verwijzingen -H "$(bearer "$(token -r huisarts)")" -H 'Content-Type: application/json' \
	--data-binary '{"jeugdige": {"bsn": "187891151", "geboortedatum": "2016-03-12", "naam": "Daan de Vries"},
	"gezaghebbenden": [{"bsn": "111222333", "naam": "Anna de Vries", "gemeente": "0301"}],
	"hulpvraag": "Daan heeft na schooltijd begeleiding nodig.", "reden": "Begeleiding na school."}'
check "a verwijzing of Daan for the PGB: 201" test "$STATUS" = 201
OAS_ZAAK_P=$(json "['id']") OAS_STATUS=ontvangen OAS_TOKEN=
oas_act "$OAS_ZAAK_P" ontvangst_bevestigen
python3 -c '
import datetime, json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))
van = datetime.date.fromisoformat(sys.argv[3])
for p in b["producten"]:
    p["ingangsdatum"], p["einddatum"] = str(van), str(van + datetime.timedelta(days=181))
json.dump(b, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' \
	"${OAS_ACTIE[beschikken-pgb]:-/dev/null}" "$STATE/oas-beschikken-pgb-vandaag.json" "$OAS_VANDAAG"
request POST "/api/v1/zaken/$OAS_ZAAK_P/acties/beschikken" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary @"$STATE/oas-beschikken-pgb-vandaag.json"
# The toewijzing: the product as decided, its line (20 euro per uur, 4.4.1
# sub f; 4 uur a week for 26 weeks) and budget; pgb_besteding six months on;
# the history keeps the content with each PGB product's line as berekening;
# gebruikelijke_hulp is the band of Daan's age today.
oas_pgb_granted() {
	[ "$STATUS" = 200 ] && oas_fits POST "$OAS_ACTIE_PATH" 200 && python3 -c '
import datetime, json, sys
z, sent, today = json.loads(sys.argv[1]), json.load(open(sys.argv[2], encoding="utf-8")), datetime.date.fromisoformat(sys.argv[3])
t, p = z["toewijzingen"], sent["producten"][0]
want = {"tarief": "individuele_begeleiding_licht", "product": None, "hulp": "informeel", "eenheid": "uur",
        "datum": p["ingangsdatum"], "max_tarief": 20, "tarief_per_eenheid": 20, "eenheden": 104,
        "bedrag": 2080, "regel": "art. 4.4.1 sub f"}
ok = z["status"] == "toegekend" and len(t) == 1 and t[0]["vorm"] == "pgb" and t[0]["productcode"] is None
ok = ok and {k: t[0]["pgb"].get(k) for k in want} == want and t[0]["budget"] == 2080
ok = ok and list(z["termijnen"]) == ["pgb_besteding"] and z["termijnen"]["pgb_besteding"] > str(today + datetime.timedelta(days=180))
g = dict(z["statushistorie"][-1]["gegevens"])
ok = ok and g["producten"][0].pop("berekening", None) == t[0]["pgb"] and g == sent
age = today.year - 2016 - ((today.month, today.day) < (3, 12))
band = "Kinderen van 5 tot 12 jaar" if age < 12 else "Kinderen van 12 tot 18 jaar"
ok = ok and (z["gebruikelijke_hulp"]["leeftijd"], z["gebruikelijke_hulp"]["omschrijving"]) == (age, band)
sys.exit(0 if ok else 1)' "$BODY" "$STATE/oas-beschikken-pgb-vandaag.json" "$OAS_VANDAAG"
}
check "POST $OAS_ACTIE_PATH example 'beschikken-pgb' (from today) on the verwijzing: 200, fits the documented schema, the toewijzing's pgb line and budget of 2080, pgb_besteding, gebruikelijke_hulp of Daan's age" \
	oas_pgb_granted
OAS_PGB_NR=$(json "['toewijzingen'][0]['nummer']")
OAS_DECL_PATH='/api/v1/zaken/{id}/declaraties'
# oas_declaratie TARIEF OUT: the example 'oma' for the toewijzing, today's 2 uur at TARIEF
oas_declaratie() {
	python3 -c '
import json, sys
d = json.loads(sys.argv[1])
d.update(toewijzing=int(sys.argv[2]), dagen=[{"datum": sys.argv[3], "eenheden": 2}], tarief=float(sys.argv[4]))
json.dump(d, open(sys.argv[5], "w", encoding="utf-8"), ensure_ascii=False)' \
		"$(oas_example "$OAS_DECL_PATH" post request oma)" "${OAS_PGB_NR:-0}" "$OAS_VANDAAG" "$1" "$2"
}
oas_declaratie 25 "$STATE/oas-declaratie-te-duur.json"
request POST "/api/v1/zaken/$OAS_ZAAK_P/declaraties" -H "$(bearer "$OAS_OUDER")" \
	-H 'Content-Type: application/json' --data-binary @"$STATE/oas-declaratie-te-duur.json"
check "POST $OAS_DECL_PATH at 25 euro per uur (before any other, so only the rate is wrong): 422 that fits the documented schema, invalid-params as the example 'te-duur'" \
	oas_problem_as 422 POST "$OAS_DECL_PATH" 'a["invalid-params"] == b["invalid-params"]' \
	"$(oas_example "$OAS_DECL_PATH" post 422 te-duur application/problem+json)"
oas_declaratie 20 "$STATE/oas-declaratie.json"
request POST "/api/v1/zaken/$OAS_ZAAK_P/declaraties" -H "$(bearer "$OAS_OUDER")" \
	-H 'Content-Type: application/json' --data-binary @"$STATE/oas-declaratie.json"
check "POST $OAS_DECL_PATH example 'oma' (today's 2 uur) as the ouder: 201, fits the documented schema, 2 of 104 uur declared" \
	oas_answer 201 POST "$OAS_DECL_PATH" \
	'{k: a[k] for k in b} == b and isinstance(a["id"], int)' \
	"{\"toewijzing\": ${OAS_PGB_NR:-0}, \"eenheden\": 2, \"bedrag\": 40, \"gedeclareerd\": 2, \"toegewezen\": 104, \"resterend\": 102}"
request POST "/api/v1/zaken/00000000-0000-4000-8000-000000000000/declaraties" -H "$(bearer "$OAS_OUDER")" \
	-H 'Content-Type: application/json' --data-binary @"$STATE/oas-declaratie.json"
check "POST $OAS_DECL_PATH for no zaak: 404 that fits the documented schema" \
	oas_problem_fits 404 POST "$OAS_DECL_PATH"

# The productenboek of the examples, imported as the owner.
printf '%s\n' 'aanbieder_agb,aanbieder_naam,gemeente,productcategorie,productcode,omschrijving,eenheid,frequentie,tarief,pgb_tarief,geldig_van,geldig_tot' \
	'22334455,Jeugdhulp De Berkel,,45,45A12,Ambulante gezinsbehandeling,16,2,"112,50",,2026-01-01,' \
	'22334455,Jeugdhulp De Berkel,0301,45,45B01,Individuele begeleiding,04,2,58.20,individuele_begeleiding_licht,2026-01-01,2027-01-01' \
	>"$STATE/oas-producten.csv"
out=$("$BUILD/toegang-import" -c "$SRC/data/codelijsten" "host=$STATE/run/pg dbname=toegang user=toegang_owner" \
	"$STATE/oas-producten.csv" 2>&1); rc=$?
check "toegang-import loads the productenboek of the examples (2 products)" \
	eval '[ "$rc" = 0 ] && grep -q "2 producten ingelezen" <<<"$out" || { printf "#   %s\n" "$out"; false; }'
request GET "/api/v1/producten?aanbieder=22334455&datum=2026-12-01" -H "$(bearer "$(token -r gi)")"
check "GET /api/v1/producten?aanbieder=22334455&datum=2026-12-01 as gi: 200, fits the documented schema, as the example 'de-berkel'" \
	oas_answer 200 GET /api/v1/producten 'a == b' "$(oas_example /api/v1/producten get 200 de-berkel)"
request GET "/api/v1/producten?categorie=99" -H "$(bearer "$(token -r gi)")"
check "GET /api/v1/producten?categorie=99: 400 naming categorie, fits the documented schema" \
	oas_problem_fits 400 GET /api/v1/producten '"categorie"'
OAS_OVERZICHT="/api/v1/overzicht/producten?van=$(TZ=Europe/Amsterdam date -d yesterday +%F)&tot=$(TZ=Europe/Amsterdam date -d tomorrow +%F)"
request GET "$OAS_OVERZICHT" -H "$(bearer "$OAS_CJG")"
check "GET $OAS_OVERZICHT as cjg: 200, fits the documented schema, every gemeente (no region), De Berkel's offer, Zutphen's natura 45A12 and its PGB counted" \
	oas_answer 200 GET /api/v1/overzicht/producten \
	'a["gemeenten"] is None and {x["gemeente"] for x in a["aanbod"] if x["aanbieder_agb"] == b} >= {None, "0301"} and any((x["gemeente"], x["productcode"], x["aanbieder_agb"], x["vorm"]) == ("0301", "45A12", b, "natura") for x in a["beschikkingen"]) and any((x["gemeente"], x["vorm"]) == ("0301", "pgb") for x in a["beschikkingen"])' \
	'"22334455"'
request GET "/api/v1/overzicht/producten?van=2026-11-01" -H "$(bearer "$OAS_CJG")"
check "GET /api/v1/overzicht/producten without tot: 400 naming tot, fits the documented schema" \
	oas_problem_fits 400 GET /api/v1/overzicht/producten '"tot"'
request GET "/api/v1/overzicht/producten?van=2026-11-01&tot=2026-11-30" -H "$(bearer "$OAS_OUDER")"
check "GET /api/v1/overzicht/producten as ouder: 403 that fits the documented schema" \
	oas_problem_fits 403 GET /api/v1/overzicht/producten

# ---------------------------------------------------------------- one gezin, one plan, one regisseur
# Two children of Marco Bos (994122950, Zutphen), reported by the CJG: the
# first zaak writes the gezin's plan (example 'gezinsplan'), the second
# adopts it (example 'gezinsplan-bestaand'); then the gezin is read and its
# casusregisseur named (example 'cjg' of POST /api/v1/gezinnen/{id}/casusregisseur).
oas_cjg_melding() { # oas_cjg_melding BSN NAAM GEBOORTEDATUM: sets OAS_ZAAK
	OAS_ZAAK=
	request POST /api/v1/meldingen -H "$(bearer "$OAS_CJG")" -H 'Content-Type: application/json' \
		--data-binary '{"jeugdige": {"bsn": "'"$1"'", "geboortedatum": "'"$3"'", "naam": "'"$2"'"},
		"gezaghebbenden": [{"bsn": "994122950", "naam": "Marco Bos", "gemeente": "0301"}],
		"hulpvraag": "Vader vraagt hulp bij de opvoeding sinds moeder is overleden."}'
	check "a melding by the cjg for $2, a child of Marco Bos: 201" test "$STATUS" = 201
	OAS_ZAAK=$(json "['id']")
}
oas_cjg_melding 978489731 "Finn Bos" 2013-02-19
OAS_S1=$OAS_ZAAK OAS_STATUS=ontvangen
for a in ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan; do
	oas_act "$OAS_S1" "$a"
done
OAS_GEZIN=$(json "['gezin']['id']") OAS_S1_REF=$(json "['referentie']")
check "the first zaak wrote the gezin's plan: gezin.gezinsplan version 1" test "$(json "['gezin']['gezinsplan']['versie']")" = 1
oas_cjg_melding 743834902 "Sara Bos" 2015-10-07
OAS_S2=$OAS_ZAAK OAS_STATUS=ontvangen
check "the second child's zaak is in the same gezin" test "$(json "['gezin']['id']")" = "$OAS_GEZIN"
for a in ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan-bestaand; do
	oas_act "$OAS_S2" "$a"
done
check "gezinsplan-bestaand: the zaak is gezinsplan_opgesteld, the gezin still has plan version 1, both zaken in it" \
	oas_answer 200 POST "$OAS_ACTIE_PATH" \
	'a["status"] == "gezinsplan_opgesteld" and a["gezin"]["gezinsplan"]["versie"] == 1 and [z["id"] for z in a["gezin"]["zaken"]] == b' \
	"[\"$OAS_S1\", \"$OAS_S2\"]"
OAS_GEZIN_PATH='/api/v1/gezinnen/{id}'
OAS_REGISSEUR=$(oas_example "$OAS_GEZIN_PATH/casusregisseur" post request cjg)
# oas_gezin_is KIND REGISSEUR: BODY is the gezin of the two zaken as a
# caller of KIND (cjg, gezin: an ouder, other: plein) sees it, with
# REGISSEUR (JSON: the example posted, or null) as casusregisseur now.
oas_gezin_is() {
	[ "$STATUS" = 200 ] && oas_fits GET "$OAS_GEZIN_PATH" 200 && python3 -c '
import json, sys
g, kind, ids, ref, plan, r = (json.loads(sys.argv[1]), sys.argv[2], sys.argv[3].split(), sys.argv[4],
                               json.load(open(sys.argv[5], encoding="utf-8")), json.loads(sys.argv[6]))
ok = g["id"] == sys.argv[7] and [z["id"] for z in g["zaken"]] == ids
p = g["gezinsplan"] or {}
ok = ok and p.get("versie") == 1 and p.get("zaak") == ref and p.get("door") == "cjg"
ok = ok and p.get("inhoud") == (plan if kind in ("cjg", "gezin") else None)
ok = ok and [v["versie"] for v in g["gezinsplan_versies"]] == [1]
now = g["casusregisseur"]
ok = ok and (now is None if r is None else {k: now[k] for k in r} == r and now["toelichting"] == r.get("toelichting"))
history = g["casusregisseurs"]
if kind == "cjg":
    ok = ok and [(h["soort"], h["naam"], h["door"]) for h in history] == ([] if r is None else [(r["soort"], r["naam"], "cjg")])
else:
    ok = ok and history is None
sys.exit(0 if ok else 1)' "$BODY" "$1" "$OAS_S1 $OAS_S2" "$OAS_S1_REF" "${OAS_ACTIE[gezinsplan]}" "$2" "$OAS_GEZIN"
}
request GET "/api/v1/gezinnen/$OAS_GEZIN" -H "$(bearer "$OAS_CJG")"
check "GET $OAS_GEZIN_PATH as cjg: 200, fits the documented schema, both zaken, one plan (the example, by the first zaak), no regisseur yet" \
	oas_gezin_is cjg null
request POST "/api/v1/gezinnen/$OAS_GEZIN/casusregisseur" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary "$OAS_REGISSEUR"
check "POST $OAS_GEZIN_PATH/casusregisseur example 'cjg' as cjg: 200 (got $STATUS)" test "$STATUS" = 200
check "POST $OAS_GEZIN_PATH/casusregisseur: the answer fits the documented 200 schema" \
	oas_fits POST "$OAS_GEZIN_PATH/casusregisseur" 200
check "POST $OAS_GEZIN_PATH/casusregisseur: the gezin names the example as casusregisseur, by the cjg" \
	oas_gezin_is cjg "$OAS_REGISSEUR"
request GET "/api/v1/gezinnen/$OAS_GEZIN" -H "$(bearer "$(token -r ouder -c bsn=994122950 -s oas-ouder-bos)")"
check "GET $OAS_GEZIN_PATH as the ouder: 200, fits the documented schema, the plan's content, no regisseur history" \
	oas_gezin_is gezin "$OAS_REGISSEUR"
request GET "/api/v1/gezinnen/$OAS_GEZIN" -H "$(bearer "$(token -r plein)")"
check "GET $OAS_GEZIN_PATH as the plein: 200, fits the documented schema, no content of the plan" \
	oas_gezin_is other "$OAS_REGISSEUR"
request GET "/api/v1/zaken/$OAS_S2" -H "$(bearer "$OAS_CJG")"
check "GET /api/v1/zaken/{id} of the second child as cjg: 200, fits the documented schema, gezin.casusregisseur is the one named" \
	oas_answer 200 GET "/api/v1/zaken/{id}" '{k: a["gezin"]["casusregisseur"][k] for k in b} == b' "$OAS_REGISSEUR"
request GET "/api/v1/gezinnen/$OAS_GEZIN" -H "$(bearer "$(token -r huisarts)")"
check "GET $OAS_GEZIN_PATH as a huisarts with no zaak of it: 404 that fits the documented schema" \
	oas_problem_fits 404 GET "$OAS_GEZIN_PATH"
request GET "/api/v1/gezinnen/$OAS_GEZIN" -H "$(bearer "$(token -r cjg -c gemeente=0363 -s oas-cjg-0363)")"
check "GET $OAS_GEZIN_PATH as the cjg of another gemeente: 404 that fits the documented schema" \
	oas_problem_fits 404 GET "$OAS_GEZIN_PATH"
request GET "/api/v1/gezinnen/00000000-0000-4000-8000-000000000000" -H "$(bearer "$OAS_CJG")"
check "GET $OAS_GEZIN_PATH of no gezin: 404 that fits the documented schema" \
	oas_problem_fits 404 GET "$OAS_GEZIN_PATH"
request POST "/api/v1/gezinnen/$OAS_GEZIN/casusregisseur" -H "$(bearer "$(token -r ouder -c bsn=994122950 -s oas-ouder-bos)")" \
	-H 'Content-Type: application/json' --data-binary "$OAS_REGISSEUR"
check "POST $OAS_GEZIN_PATH/casusregisseur as the ouder: 403 that fits the documented schema" \
	oas_problem_fits 403 POST "$OAS_GEZIN_PATH/casusregisseur"
request POST "/api/v1/gezinnen/$OAS_GEZIN/casusregisseur" -H "$(bearer "$(token -r cjg -c gemeente=0363 -s oas-cjg-0363)")" \
	-H 'Content-Type: application/json' --data-binary "$OAS_REGISSEUR"
check "POST $OAS_GEZIN_PATH/casusregisseur as the cjg of another gemeente: 404 that fits the documented schema" \
	oas_problem_fits 404 POST "$OAS_GEZIN_PATH/casusregisseur"
request POST "/api/v1/gezinnen/$OAS_GEZIN/casusregisseur" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary '{"soort": "buurman", "naam": "Piet", "organisatie": "De straat"}'
check "POST $OAS_GEZIN_PATH/casusregisseur with a soort not in the enum: 422 naming soort, fits the documented schema" \
	oas_problem_fits 422 POST "$OAS_GEZIN_PATH/casusregisseur" '"soort"'
# The family the example 'volledig' of POST /api/v1/overdrachten handed over:
# the team's contact is its casusregisseur.
OAS_ZAAK_O=${OAS_MADE[/api/v1/overdrachten volledig]:-none}
request GET "/api/v1/zaken/$OAS_ZAAK_O" -H "$(bearer "$(token -r plein)")"
request GET "/api/v1/gezinnen/$(json "['gezin']['id']")" -H "$(bearer "$(token -r plein)")"
check "GET $OAS_GEZIN_PATH of the handed-over family as the plein: 200, fits the documented schema, the team's contact is casusregisseur" \
	oas_answer 200 GET "$OAS_GEZIN_PATH" \
	'(a["casusregisseur"]["soort"], a["casusregisseur"]["naam"], a["casusregisseur"]["organisatie"]) == ("team", b["team"]["contactpersoon"], b["team"]["naam"]) and a["casusregisseurs"] is None and a["gezinsplan"] is None and a["gezinsplan_versies"] == []' \
	"$(cat "${OAS_SENT[/api/v1/overdrachten volledig]:-/dev/null}")"

# ---------------------------------------------------------------- regio en doorzending
# With a region (Zutphen, Lochem, Apeldoorn) configured: the machtiging
# example (Rotterdam, 0599) is accepted as the response example
# 'buiten-regio' says and waits in Zutphen's worklist; the doorzenden example
# (to Lochem, in the region) moves a melding, as the example
# 'doorzenden-binnen-regio' says. Then the daemon runs without a region again.
restart_daemon "regio=0301 0262 0200"
request POST /api/v1/mandaten -H "$(bearer "$(token -r gi)")" -H 'Content-Type: application/json' \
	--data-binary @"${OAS_SENT[/api/v1/mandaten machtiging]:-/dev/null}"
check "regio: POST /api/v1/mandaten example 'machtiging' (Rotterdam): 201, fits the documented schema, as the example 'buiten-regio'" \
	oas_answer 201 POST /api/v1/mandaten \
	'all(a[k] == b[k] for k in ("verantwoordelijke_gemeente", "behandelende_gemeente", "buiten_regio", "doorzending", "mandaat", "status")) and sorted(a["termijnen"]) == sorted(b["termijnen"])' \
	"$(oas_example /api/v1/mandaten post 201 buiten-regio)"
OAS_ZAAK_R=$(json "['id']") OAS_GEZIN_R=$(json "['gezin']['id']")
OAS_WERK=$(oas_example /api/v1/werkvoorraad get 200 drie-zaken)
request GET "/api/v1/zaken/$OAS_ZAAK_R" -H "$(bearer "$OAS_CJG")"
check "regio: GET the zaak as the cjg of Zutphen: 200, fits the documented schema, the actions allowed outside the region" \
	oas_answer 200 GET "/api/v1/zaken/{id}" 'a["acties_toegestaan"] == b["zaken"][0]["acties_toegestaan"]' "$OAS_WERK"
request GET /api/v1/werkvoorraad -H "$(bearer "$OAS_CJG")"
check "regio: GET /api/v1/werkvoorraad as the cjg of Zutphen: fits the documented schema, lists the zaak buiten_regio for Rotterdam with its gezin" \
	oas_answer 200 GET /api/v1/werkvoorraad \
	'[(i["buiten_regio"], i["verantwoordelijke_gemeente"], i["gezin"], i["acties_toegestaan"]) for i in a["zaken"] if i["id"] == b[1]] == [(True, "0599", b[2], b[0]["zaken"][0]["acties_toegestaan"])]' \
	"[$OAS_WERK, \"$OAS_ZAAK_R\", \"$OAS_GEZIN_R\"]"
request GET "/api/v1/zaken?limit=100" -H "$(bearer "$OAS_CJG")"
check "regio: GET /api/v1/zaken as the cjg of Zutphen: fits the documented schema, the zaak buiten_regio" \
	oas_answer 200 GET /api/v1/zaken '[z["buiten_regio"] for z in a["zaken"] if z["id"] == b] == [True]' "\"$OAS_ZAAK_R\""
oas_melding false
request POST "/api/v1/zaken/$OAS_ZAAK/acties/doorzenden" -H "$(bearer "$OAS_CJG")" \
	-H 'Content-Type: application/json' --data-binary @"${OAS_ACTIE[doorzenden]:-/dev/null}"
check "regio: POST $OAS_ACTIE_PATH example 'doorzenden' (to Lochem, in the region): 200, fits the documented schema, as the example 'doorzenden-binnen-regio'" \
	oas_answer 200 POST "$OAS_ACTIE_PATH" 'a == dict(b[0], id=b[1])' \
	"[$(oas_example "$OAS_ACTIE_PATH" post 200 doorzenden-binnen-regio), \"$OAS_ZAAK\"]"
request GET "/api/v1/zaken/$OAS_ZAAK" -H "$(bearer "$OAS_CJG")"
check "regio: the CJG of Zutphen no longer sees the moved zaak: 404" is_problem 404
request GET "/api/v1/zaken/$OAS_ZAAK" -H "$(bearer "$(token -r cjg -c gemeente=0262 -s oas-cjg-0262)")"
check "regio: the CJG of Lochem reads it: 200, fits the documented schema, ontvangen there, the step recorded with binnen_regio" \
	oas_answer 200 GET "/api/v1/zaken/{id}" \
	'(a["status"], a["verantwoordelijke_gemeente"], a["behandelende_gemeente"], a["buiten_regio"], a["doorzending"], a["statushistorie"][-1]["actie"], a["statushistorie"][-1]["gegevens"].get("binnen_regio")) == ("ontvangen", b, b, False, None, "doorzenden", True)' \
	'"0262"'
restart_daemon

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
