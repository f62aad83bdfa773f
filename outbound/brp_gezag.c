/* The woonplaatsbeginsel from BRP gezag; see brp_gezag.h. */
#include "brp_gezag.h"

#include <string.h>

static const char *str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static bool is_bsn(const char *s)
{
	if (!s || strlen(s) != 9)
		return false;
	for (int i = 0; i < 9; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

const json_t *brp_persoon(const json_t *answer, const char *bsn)
{
	size_t i;
	const json_t *p;
	json_array_foreach(json_object_get(answer, "personen"), i, p)
		if (json_is_object(p) && bsn && str(p, "burgerservicenummer") &&
		    strcmp(str(p, "burgerservicenummer"), bsn) == 0)
			return p;
	return NULL;
}

/* The gezag entry about the child itself (the first when none names it). */
static const json_t *gezag_of(const json_t *kind)
{
	const json_t *list = json_object_get(kind, "gezag"), *g;
	const char *bsn = str(kind, "burgerservicenummer");
	size_t i;
	json_array_foreach(list, i, g) {
		const char *m = str(json_object_get(g, "minderjarige"), "burgerservicenummer");
		if (json_is_object(g) && (!m || !bsn || strcmp(m, bsn) == 0))
			return g;
	}
	return NULL;
}

static bool type_is(const char *t, const char *name)
{
	return t && strcmp(t, name) == 0;
}

/* The persons holding gezag, as BRP objects (ouder, ouders[], derde, derden[]). */
static size_t holders(const json_t *g, const json_t *out[BRP_MAX_GEZAGHEBBENDEN + 1])
{
	size_t n = 0, i;
	const json_t *p;
	const char *keys[] = { "ouder", "derde" };
	const char *lists[] = { "ouders", "derden" };
	for (size_t k = 0; k < 2; k++) {
		if ((p = json_object_get(g, keys[k])) && n <= BRP_MAX_GEZAGHEBBENDEN)
			out[n++] = p;
		json_array_foreach(json_object_get(g, lists[k]), i, p)
			if (n <= BRP_MAX_GEZAGHEBBENDEN)
				out[n++] = p;
	}
	return n;
}

size_t brp_gezaghebbenden(const json_t *kind, char bsns[BRP_MAX_GEZAGHEBBENDEN][10])
{
	const json_t *g = gezag_of(kind), *h[BRP_MAX_GEZAGHEBBENDEN + 1];
	size_t n = g ? holders(g, h) : 0, k = 0;
	if (n > BRP_MAX_GEZAGHEBBENDEN || json_is_true(json_object_get(g, "inOnderzoek")))
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *b = str(h[i], "burgerservicenummer");
		if (is_bsn(b))
			memcpy(bsns[k++], b, 10);
	}
	return k;
}

static const char *gemeente_of(const json_t *persoon)
{
	const char *c = str(json_object_get(persoon, "gemeenteVanInschrijving"), "code");
	return c && strlen(c) == 4 && strspn(c, "0123456789") == 4 ? c : NULL;
}

/* propose() and person() return 0 so that each rule below is one return. */
static int propose(brp_uitkomst *out, const char *gemeente, const char *reden)
{
	out->voorstel = true;
	memcpy(out->gemeente, gemeente, 5);
	out->reden = reden;
	return 0;
}

static int person(brp_uitkomst *out, const char *reden)
{
	out->voorstel = false;
	out->gemeente[0] = '\0';
	out->reden = reden;
	return 0;
}

static int decide(const json_t *kind, const json_t *answer, brp_uitkomst *out)
{
	const json_t *g, *h[BRP_MAX_GEZAGHEBBENDEN + 1];
	const char *gem[BRP_MAX_GEZAGHEBBENDEN] = { NULL, NULL };
	const char *eigen;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (!kind)
		return person(out, "De BRP kent dit burgerservicenummer niet.");
	if (!(g = gezag_of(kind)))
		return person(out, "De BRP geeft geen gezag voor deze jeugdige.");
	out->grond = json_string_value(json_object_get(g, "type"));
	if (!out->grond)
		return person(out, "De BRP geeft een gezag zonder soort.");
	/* Keep a pointer only to our own constant names, not into the answer. */
	static const char *const known[] = { "EenhoofdigOuderlijkGezag", "GezamenlijkOuderlijkGezag",
		"TweehoofdigOuderlijkGezag", "GezamenlijkGezag", "Voogdij", "TijdelijkGeenGezag",
		"GezagNietTeBepalen" };
	const char *grond = NULL;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (type_is(out->grond, known[i]))
			grond = known[i];
	out->grond = grond;
	if (!grond)
		return person(out, "De BRP geeft een soort gezag die toegang niet kent.");
	if (json_is_true(json_object_get(g, "inOnderzoek")))
		return person(out, "Het gezag is in onderzoek bij de BRP.");
	if (type_is(grond, "TijdelijkGeenGezag"))
		return person(out, "Er is tijdelijk niemand met gezag.");
	if (type_is(grond, "GezagNietTeBepalen"))
		return person(out, "De BRP kan het gezag niet bepalen.");

	n = holders(g, h);
	eigen = gemeente_of(kind);
	if (n > BRP_MAX_GEZAGHEBBENDEN)
		return person(out, "De BRP noemt meer dan twee gezaghebbenden.");
	if (n == 0) {
		if (type_is(grond, "Voogdij") && eigen)
			return propose(out, eigen, "Voogdij zonder voogd als persoon (een instelling): "
			    "de gemeente waar de jeugdige staat ingeschreven.");
		return person(out, "De BRP noemt niemand met gezag.");
	}
	for (size_t i = 0; i < n; i++) {
		const char *b = str(h[i], "burgerservicenummer");
		if (!is_bsn(b))
			return person(out, "Een gezaghebbende staat niet met een burgerservicenummer in de BRP.");
		if (!(gem[i] = gemeente_of(brp_persoon(answer, b))))
			return person(out, "Van een gezaghebbende is geen gemeente van inschrijving bekend.");
	}
	if (n == 1)
		return propose(out, gem[0], type_is(grond, "Voogdij")
		    ? "De gemeente waar de voogd staat ingeschreven."
		    : "De gemeente waar de ouder met gezag staat ingeschreven.");
	if (strcmp(gem[0], gem[1]) == 0)
		return propose(out, gem[0], "Beide gezaghebbenden staan in deze gemeente ingeschreven.");
	if (eigen && (strcmp(eigen, gem[0]) == 0 || strcmp(eigen, gem[1]) == 0))
		return propose(out, eigen, "De gezaghebbenden wonen in verschillende gemeenten; "
		    "de jeugdige staat ingeschreven bij een van hen.");
	return person(out, "De gezaghebbenden wonen in verschillende gemeenten en de jeugdige staat "
	    "bij geen van beiden ingeschreven.");
}

void brp_woonplaats(const json_t *kind, const json_t *answer, brp_uitkomst *out)
{
	(void)decide(kind, answer, out);
}
