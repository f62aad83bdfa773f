/* The JW315 verzoek om toewijzing; see jw315.h. */
#include "jw315.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "ijw_variant.h"
#include "ijw_xml.h"
#include "validate.h"
#include "zaak_input.h"

/* The text of parent's child name as a JSON string member of o (absent: nothing). */
static int put(json_t *o, const char *key, const xmlNode *parent, const char *name)
{
	char *t = zk_ijw_child_text(parent, name);
	int rc = 0;
	if (t) {
		rc = json_object_set_new(o, key, json_string((const char *)t));
		xmlFree(t);
	}
	return rc;
}

/* The integer text of parent's child name as a JSON integer member (the schema checked it). */
static int put_int(json_t *o, const char *key, const xmlNode *parent, const char *name)
{
	char *t = zk_ijw_child_text(parent, name);
	int rc = 0;
	if (t) {
		rc = json_object_set_new(o, key, json_integer((json_int_t)strtoll((char *)t, NULL, 10)));
		xmlFree(t);
	}
	return rc;
}

static void name_of(const xmlNode *node, const char *child, char *out, size_t size)
{
	size_t n;
	zk_ijw_path(node, out, size);
	n = strlen(out);
	if (child)
		snprintf(out + n, size - n, "/%s", child);
}

/* "Voornamen Voorvoegsel Achternaam" (or the initials for the first names). */
static json_t *naam_of(const xmlNode *naam)
{
	const xmlNode *g = zk_ijw_child(naam, "Geslachtsnaam");
	char *parts[4] = { zk_ijw_child_text(naam, "Voornamen"), NULL,
		zk_ijw_child_text(g, "Voorvoegsel"), zk_ijw_child_text(g, "Achternaam") };
	char buf[1024];
	size_t used = 0;
	json_t *s;
	if (!parts[0])
		parts[1] = zk_ijw_child_text(naam, "Voorletters");
	buf[0] = '\0';
	for (int i = 0; i < 4; i++) {
		if (parts[i] && used < sizeof(buf))
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s", used ? " " : "",
			    (char *)parts[i]);
		xmlFree(parts[i]);
	}
	s = json_string(buf);
	return s;
}

static long read_client(const xmlNode *client, const zk_date *today, json_t *c, json_t *invalid)
{
	const xmlNode *bsn = zk_ijw_child(client, "Bsn");
	const xmlNode *geb = zk_ijw_child(zk_ijw_child(client, "Geboortedatum"), "Datum");
	char name[512];
	long n = 0;
	zk_date birth;

	if (put(c, "bsn", client, "Bsn") || put(c, "geslacht", client, "Geslacht") ||
	    put(c, "gezagsdrager_bekend", client, "GezagsdragerBekend") ||
	    put(c, "commentaar", client, "Commentaar") ||
	    json_object_set_new(c, "naam", naam_of(zk_ijw_child(client, "Naam"))))
		return -1;
	if (geb && put(c, "geboortedatum", zk_ijw_child(client, "Geboortedatum"), "Datum"))
		return -1;
	if (!tg_valid_bsn(json_string_value(json_object_get(c, "bsn")))) {
		zk_ijw_path(bsn, name, sizeof(name));
		zk_invalid(invalid, name, "is geen geldig burgerservicenummer (11-proef)");
		n++;
	}
	if (zk_date_parse(json_string_value(json_object_get(c, "geboortedatum")), &birth)) {
		int age = zk_age_on(&birth, today);
		zk_ijw_path(geb, name, sizeof(name));
		if (zk_date_cmp(&birth, today) > 0) {
			zk_invalid(invalid, name, "de geboortedatum ligt in de toekomst");
			n++;
		} else if (age >= ZK_CONTINUATION_LIMIT) {
			zk_invalid(invalid, name, "de jeugdige is 23 jaar of ouder: de Jeugdwet is niet meer "
			    "van toepassing (art. 1.1)");
			n++;
		}
	}
	return n;
}

/* CDT_Verwijzer: a JW315 follows a referral by a wettelijk verwijzer. */
static long read_verwijzer(const xmlNode *v, json_t *p, json_t *invalid)
{
	json_t *o = json_object();
	const char *type;
	char name[512];
	long n = 0;

	if (!o || put(o, "type", v, "Type") || put(o, "naam", v, "Naam") ||
	    put(o, "agb", v, "ZorgverlenerCode") || json_object_set_new(p, "verwijzer", o))
		return -1;
	type = json_string_value(json_object_get(o, "type"));
	zk_ijw_path(v, name, sizeof(name));
	if (!type)
		return 0;  /* the schema said so already */
	if (strcmp(type, "01") == 0 || strcmp(type, "06") == 0) {
		zk_invalid(invalid, name, strcmp(type, "01") == 0 ?
		    "een verzoek om toewijzing volgt op een verwijzing door een wettelijk verwijzer; "
		    "verwijst de gemeente zelf, dan wijst zij toe zonder verzoek (JW301)" :
		    "een verzoek om toewijzing (JW315) vraagt een geldige verwijzing: zonder verwijzer "
		    "gaat de jeugdige naar het CJG (melding)");
		n++;
	} else if (strcmp(type, "08") != 0 && !json_object_get(o, "naam") &&
	    !json_object_get(o, "agb")) {
		zk_invalid(invalid, name, "bij verwijzer type 02 tot en met 05 is de AGB-code "
		    "(ZorgverlenerCode) of de naam van de verwijzer verplicht");
		n++;
	}
	return n;
}

static long read_product(const xmlNode *ap, json_t *producten, json_t *invalid)
{
	json_t *p = json_object(), *omvang = NULL;
	const xmlNode *product = zk_ijw_child(ap, "Product"), *om = zk_ijw_child(ap, "Omvang");
	char n_cat[512], n_code[512], n_eind[512], n_freq[512], n_budget[512];
	zk_variant v = { 0 };
	zk_variant_names names = { n_cat, n_code, n_eind, n_freq, n_budget };
	zk_date b, e;
	long n;

	if (!p || json_array_append_new(producten, p))
		return -1;
	if (put(p, "referentie_aanbieder", ap, "ReferentieAanbieder") ||
	    put(p, "beschikkingnummer", ap, "BeschikkingNummer") ||
	    put(p, "categorie", product, "Categorie") || put(p, "code", product, "Code") ||
	    put(p, "ingangsdatum", ap, "ToewijzingIngangsdatum") ||
	    put(p, "einddatum", ap, "ToewijzingEinddatum") || put_int(p, "budget", ap, "Budget") ||
	    put(p, "raamcontract", ap, "Raamcontract") || put(p, "commentaar", ap, "Commentaar"))
		return -1;
	if (om) {
		omvang = json_object();
		if (!omvang || json_object_set_new(p, "omvang", omvang) || put_int(omvang, "volume", om, "Volume") ||
		    put(omvang, "eenheid", om, "Eenheid") || put(omvang, "frequentie", om, "Frequentie"))
			return -1;
	}
	n = read_verwijzer(zk_ijw_child(ap, "Verwijzer"), p, invalid);
	if (n < 0)
		return -1;
	name_of(product ? product : ap, product ? "Categorie" : "Product", n_cat, sizeof(n_cat));
	name_of(product ? product : ap, product ? "Code" : "Product", n_code, sizeof(n_code));
	name_of(ap, "ToewijzingEinddatum", n_eind, sizeof(n_eind));
	name_of(om ? om : ap, om ? "Frequentie" : "Omvang", n_freq, sizeof(n_freq));
	name_of(ap, "Budget", n_budget, sizeof(n_budget));
	v.categorie = json_string_value(json_object_get(p, "categorie"));
	v.code = json_string_value(json_object_get(p, "code"));
	v.einddatum = json_string_value(json_object_get(p, "einddatum"));
	v.eenheid = json_string_value(json_object_get(omvang, "eenheid"));
	v.frequentie = json_string_value(json_object_get(omvang, "frequentie"));
	v.budget = json_object_get(p, "budget") != NULL;
	n += zk_variant_check(&v, &names, invalid);
	if (v.categorie && !zk_codelijst_has(&zk_productcategorieen, v.categorie)) {
		zk_invalid(invalid, n_cat, "is geen JZ020-productcategorie");
		n++;
	}
	if (zk_date_parse(json_string_value(json_object_get(p, "ingangsdatum")), &b) &&
	    zk_date_parse(v.einddatum, &e) && zk_date_cmp(&e, &b) < 0) {
		zk_invalid(invalid, n_eind, "ligt voor de ToewijzingIngangsdatum");
		n++;
	}
	return n;
}

long zk_jw315_read(xmlDocPtr doc, const zk_date *today, json_t **out, json_t *invalid)
{
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *header = zk_ijw_child(root, "Header"), *client = zk_ijw_child(root, "Client");
	const xmlNode *id = zk_ijw_child(header, "BerichtIdentificatie");
	json_t *b = json_object(), *c = json_object(), *producten = json_array();
	long n = -1, k;

	*out = NULL;
	if (!b || !c || !producten || json_object_set(b, "client", c) ||
	    json_object_set(b, "producten", producten))
		goto done;
	if (put(b, "afzender", header, "Afzender") || put(b, "ontvanger", header, "Ontvanger") ||
	    put(b, "identificatie", id, "Identificatie") || put(b, "dagtekening", id, "Dagtekening"))
		goto done;
	n = read_client(client, today, c, invalid);
	if (n < 0)
		goto done;
	for (const xmlNode *ap = zk_ijw_child(zk_ijw_child(client, "AangevraagdeProducten"),
	         "AangevraagdProduct"); ap; ap = ap->next) {
		if (ap->type != XML_ELEMENT_NODE || !xmlStrEqual(ap->name, (const xmlChar *)"AangevraagdProduct"))
			continue;
		k = read_product(ap, producten, invalid);
		if (k < 0) {
			n = -1;
			goto done;
		}
		n += k;
	}
	if (n == 0) {
		*out = b;
		b = NULL;
	}
done:
	json_decref(b);
	json_decref(c);
	json_decref(producten);
	return n;
}
