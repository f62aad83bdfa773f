/* The JW301 toewijzingbericht; see jw301.h. */
#include "jw301.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlwriter.h>

#include "ijw_xml.h"

#define NS_JW301 "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
#define VOORVOEGSEL_MAX 10  /* LDT_Voorvoegsel */

/* The words a Dutch surname may start with (tussenvoegsels). */
static const char *const tussenvoegsels[] = {
	"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "la", "le", "du",
	"da", "di", "von", "vom", "zu", "des", "del", "dos", "el", "al", NULL,
};

static bool tussenvoegsel(const char *w, size_t n)
{
	for (size_t i = 0; tussenvoegsels[i]; i++)
		if (strlen(tussenvoegsels[i]) == n && strncasecmp(tussenvoegsels[i], w, n) == 0)
			return true;
	return false;
}

void zk_naam_split(const char *naam, char *buf, size_t size, zk_naam_delen *out)
{
	char *w[64];
	size_t n = 0, k, v;
	char *p;

	memset(out, 0, sizeof(*out));
	/* one space between words, so that each word starts right after one */
	for (const char *c = naam ? naam : ""; *c && n + 1 < size; c++)
		if (*c != ' ' || (n > 0 && buf[n - 1] != ' '))
			buf[n++] = *c;
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	n = 0;
	for (p = strtok(buf, " "); p && n < 64; p = strtok(NULL, " "))
		w[n++] = p;
	if (n == 0) {
		out->achternaam = buf;
		return;
	}
	/* the first tussenvoegsel after the first name that a surname word follows */
	for (k = 1; k < n; k++) {
		if (!tussenvoegsel(w[k], strlen(w[k])))
			continue;
		for (v = k; v < n && tussenvoegsel(w[v], strlen(w[v])); v++)
			;
		if (v < n)
			break;
	}
	if (k == n) {
		/* none: the last word is the surname */
		k = v = n - 1;
	}
	/* Rejoin the words of each part (strtok left NULs between them). */
	for (size_t i = 1; i < k; i++)
		w[i][-1] = ' ';
	for (size_t i = k + 1; i < v; i++)
		w[i][-1] = ' ';
	for (size_t i = v + 1; i < n; i++)
		w[i][-1] = ' ';
	out->voornamen = k > 0 ? w[0] : NULL;
	out->voorvoegsel = v > k && strlen(w[k]) <= VOORVOEGSEL_MAX ? w[k] : NULL;
	out->achternaam = w[v];
	if (v > k && !out->voorvoegsel) {
		/* too long for Voorvoegsel: part of the surname */
		for (size_t i = k + 1; i <= v; i++)
			w[i][-1] = ' ';
		out->achternaam = w[k];
	}
}

static const char *str(const json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

/* <prefix:name>text</prefix:name>, only when text is set. */
static int el(xmlTextWriterPtr w, const char *prefix, const char *name, const char *text)
{
	if (!text)
		return 0;
	return xmlTextWriterWriteElementNS(w, (const xmlChar *)prefix, (const xmlChar *)name, NULL,
	    (const xmlChar *)text) < 0 ? -1 : 0;
}

static int start(xmlTextWriterPtr w, const char *prefix, const char *name)
{
	return xmlTextWriterStartElementNS(w, (const xmlChar *)prefix, (const xmlChar *)name, NULL) < 0
	    ? -1 : 0;
}

static int end(xmlTextWriterPtr w) { return xmlTextWriterEndElement(w) < 0 ? -1 : 0; }

static int int_el(xmlTextWriterPtr w, const char *prefix, const char *name, json_int_t v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	return el(w, prefix, name, buf);
}

/* CDT_VolledigeNaam: geslachtsnaam, voornamen, naamgebruik 1 (eigen naam). */
static int volledige_naam(xmlTextWriterPtr w, const char *prefix, const char *naam)
{
	char buf[512];
	zk_naam_delen d;
	zk_naam_split(naam, buf, sizeof(buf), &d);
	if (start(w, prefix, "Naam") || start(w, "ijw", "Geslachtsnaam") ||
	    el(w, "ijw", "Achternaam", d.achternaam) || el(w, "ijw", "Voorvoegsel", d.voorvoegsel) ||
	    end(w) || el(w, "ijw", "Voornamen", d.voornamen) || el(w, "ijw", "NaamGebruik", "1") ||
	    end(w))
		return -1;
	return 0;
}

/* A Contact with only its soort 01 (BRP-adres): the portal holds no address. */
static int contact_brp(xmlTextWriterPtr w)
{
	return start(w, "jw301", "Contact") || el(w, "jw301", "Soort", "01") || end(w) ? -1 : 0;
}

static int header(xmlTextWriterPtr w, const json_t *b)
{
	return start(w, "jw301", "Header") || el(w, "jw301", "BerichtCode", "436") ||
	    el(w, "jw301", "BerichtVersie", "3") || el(w, "jw301", "BerichtSubversie", "2") ||
	    el(w, "jw301", "Afzender", str(b, "afzender")) ||
	    el(w, "jw301", "Ontvanger", str(b, "ontvanger")) ||
	    start(w, "jw301", "BerichtIdentificatie") ||
	    el(w, "ijw", "Identificatie", str(b, "identificatie")) ||
	    el(w, "ijw", "Dagtekening", str(b, "dagtekening")) || end(w) ||
	    start(w, "jw301", "XsdVersie") || el(w, "ijw", "BasisschemaXsdVersie", "0.1.0") ||
	    el(w, "ijw", "BerichtXsdVersie", "0.1.0") || end(w) || end(w) ? -1 : 0;
}

static int relaties(xmlTextWriterPtr w, const json_t *list)
{
	size_t i;
	json_t *r;
	if (json_array_size(list) == 0)
		return 0;
	if (start(w, "jw301", "Relaties"))
		return -1;
	json_array_foreach(list, i, r) {
		if (start(w, "jw301", "Relatie") || el(w, "jw301", "Nummer", str(r, "nummer")) ||
		    int_el(w, "jw301", "Volgorde", (json_int_t)i + 1) ||
		    el(w, "jw301", "Soort", str(r, "soort")) ||
		    volledige_naam(w, "jw301", str(r, "naam")) || contact_brp(w) || end(w))
			return -1;
	}
	return end(w);
}

static int product(xmlTextWriterPtr w, const json_t *p)
{
	const json_t *omvang = json_object_get(p, "omvang");
	const json_t *budget = json_object_get(p, "budget");
	if (start(w, "jw301", "ToegewezenProduct") ||
	    int_el(w, "jw301", "ToewijzingNummer", json_integer_value(json_object_get(p, "nummer"))))
		return -1;
	if (str(p, "categorie") && (start(w, "jw301", "Product") ||
	    el(w, "ijw", "Categorie", str(p, "categorie")) || el(w, "ijw", "Code", str(p, "code")) ||
	    end(w)))
		return -1;
	if (el(w, "jw301", "Toewijzingsdatum", str(p, "toewijzingsdatum")) ||
	    el(w, "jw301", "Toewijzingstijd", str(p, "toewijzingstijd")) ||
	    el(w, "jw301", "Ingangsdatum", str(p, "ingangsdatum")) ||
	    el(w, "jw301", "Einddatum", str(p, "einddatum")))
		return -1;
	if (json_is_object(omvang) && (start(w, "jw301", "Omvang") ||
	    int_el(w, "ijw", "Volume", json_integer_value(json_object_get(omvang, "volume"))) ||
	    el(w, "ijw", "Eenheid", str(omvang, "eenheid")) ||
	    el(w, "ijw", "Frequentie", str(omvang, "frequentie")) || end(w)))
		return -1;
	if (json_is_integer(budget) && int_el(w, "jw301", "Budget", json_integer_value(budget)))
		return -1;
	return end(w);
}

static int client(xmlTextWriterPtr w, const json_t *c, const json_t *producten)
{
	size_t i;
	json_t *p;
	if (start(w, "jw301", "Client") || el(w, "jw301", "Bsn", str(c, "bsn")) ||
	    start(w, "jw301", "Geboortedatum") || el(w, "ijw", "Datum", str(c, "geboortedatum")) ||
	    end(w) || el(w, "jw301", "Geslacht", str(c, "geslacht") ? str(c, "geslacht") : "0") ||
	    volledige_naam(w, "jw301", str(c, "naam")) ||
	    el(w, "jw301", "JuridischeStatus", str(c, "juridische_status")) ||
	    el(w, "jw301", "WettelijkeVertegenwoordiging", str(c, "wettelijke_vertegenwoordiging")) ||
	    relaties(w, json_object_get(c, "relaties")) ||
	    start(w, "jw301", "Contactgegevens") || contact_brp(w) || end(w) ||
	    start(w, "jw301", "ToegewezenProducten"))
		return -1;
	json_array_foreach(producten, i, p)
		if (product(w, p))
			return -1;
	return end(w) || end(w) ? -1 : 0;
}

char *zk_jw301_xml(const json_t *bericht, size_t *len)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	char *out = NULL;
	bool ok;

	*len = 0;
	if (!w) {
		xmlBufferFree(buf);
		return NULL;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	ok = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) >= 0 &&
	    xmlTextWriterStartElementNS(w, (const xmlChar *)"jw301", (const xmlChar *)"Bericht",
	        (const xmlChar *)NS_JW301) >= 0 &&
	    xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns:ijw",
	        (const xmlChar *)ZK_IJW_NS_BASIS) >= 0 &&
	    header(w, bericht) == 0 &&
	    client(w, json_object_get(bericht, "client"), json_object_get(bericht, "producten")) == 0 &&
	    xmlTextWriterEndElement(w) >= 0 && xmlTextWriterEndDocument(w) >= 0;
	xmlFreeTextWriter(w);  /* flushes into buf */
	if (ok) {
		size_t n = (size_t)xmlBufferLength(buf);
		out = malloc(n + 1);
		if (out) {
			memcpy(out, xmlBufferContent(buf), n);
			out[n] = '\0';
			*len = n;
		}
	}
	xmlBufferFree(buf);
	return out;
}
