/* The role table and the identity-claim checks; see principal.h. */
#include "principal.h"

#include <stdbool.h>
#include <string.h>

#include "validate.h"

static const struct {
	const char *name;
	tg_identity_kind identity;
} roles[TG_ROLE__MAX] = {
	[TG_ROLE_HUISARTS] = { "huisarts", TG_IDENTITY_AGB },
	[TG_ROLE_JEUGDARTS] = { "jeugdarts", TG_IDENTITY_AGB },
	[TG_ROLE_MEDISCH_SPECIALIST] = { "medisch_specialist", TG_IDENTITY_AGB },
	[TG_ROLE_GI] = { "gi", TG_IDENTITY_ORG },
	[TG_ROLE_RECHTER] = { "rechter", TG_IDENTITY_ORG },
	[TG_ROLE_OM] = { "om", TG_IDENTITY_ORG },
	[TG_ROLE_JJI] = { "jji", TG_IDENTITY_ORG },
	[TG_ROLE_CJG] = { "cjg", TG_IDENTITY_GEMEENTE },
	[TG_ROLE_PLEIN] = { "plein", TG_IDENTITY_GEMEENTE },
	[TG_ROLE_GST] = { "gst", TG_IDENTITY_GEMEENTE },
	[TG_ROLE_OUDER] = { "ouder", TG_IDENTITY_BSN },
	[TG_ROLE_JEUGDIGE] = { "jeugdige", TG_IDENTITY_BSN },
	[TG_ROLE_BEHEERDER] = { "beheerder", TG_IDENTITY_GEMEENTE },
	[TG_ROLE_AANBIEDER] = { "aanbieder", TG_IDENTITY_AGB },
};

static const struct {
	const char *claim;
	bool (*valid)(const char *);
	const char *malformed;
} identities[] = {
	[TG_IDENTITY_AGB] = { "agb", tg_valid_agb, "agb claim is not an 8-digit AGB code" },
	[TG_IDENTITY_ORG] = { "org", tg_valid_org, "org claim is not an organisation identifier" },
	[TG_IDENTITY_BSN] = { "bsn", tg_valid_bsn, "bsn claim is not a valid BSN" },
	[TG_IDENTITY_GEMEENTE] = { "gemeente", tg_valid_gemeentecode_form,
	    "gemeente claim is not a 4-digit gemeentecode" },
};

int tg_role_parse(const char *name)
{
	for (int i = 0; i < TG_ROLE__MAX; i++)
		if (strcmp(roles[i].name, name) == 0)
			return i;
	return -1;
}

const char *tg_role_name(tg_role role) { return roles[role].name; }
tg_identity_kind tg_role_identity(tg_role role) { return roles[role].identity; }
const char *tg_identity_claim(tg_identity_kind kind) { return identities[kind].claim; }
bool tg_identity_valid(tg_identity_kind kind, const char *value)
{
	return value && identities[kind].valid(value);
}

/* A JSON string that C code reads as it is: no NUL inside (jansson can hold one). */
static bool plain_string(const json_t *v)
{
	return json_is_string(v) && strlen(json_string_value(v)) == json_string_length(v);
}

int tg_principal_from_claims(const json_t *claims, tg_principal *p, const char **why)
{
	const json_t *role = json_object_get(claims, "role");
	const json_t *sub = json_object_get(claims, "sub");
	const json_t *id;
	int r;
	tg_identity_kind kind;

	if (!plain_string(role)) {
		*why = "role claim missing";
		return -1;
	}
	r = tg_role_parse(json_string_value(role));
	if (r < 0) {
		*why = "unknown role";
		return -1;
	}
	if (!plain_string(sub) || json_string_length(sub) == 0) {
		*why = "sub claim missing";
		return -1;
	}
	kind = roles[r].identity;
	id = json_object_get(claims, identities[kind].claim);
	if (!plain_string(id)) {
		*why = "identity claim for the role missing";
		return -1;
	}
	if (!tg_identity_valid(kind, json_string_value(id))) {
		*why = identities[kind].malformed;
		return -1;
	}
	p->role = (tg_role)r;
	p->role_name = roles[r].name;
	p->identity_kind = kind;
	p->identity = json_string_value(id);
	p->subject = json_string_value(sub);
	return 0;
}
