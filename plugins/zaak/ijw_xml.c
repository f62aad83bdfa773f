/* iJw messages as XML, safely; see ijw_xml.h. */
#include "ijw_xml.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlschemas.h>

#include "fields.h"

#define MAX_VIOLATIONS 50

struct zk_ijw_schema {
	xmlSchemaPtr schema;
};

/* While a schema loads: the one directory its files may come from. Else NULL: nothing loads. */
static char allowed_dir[PATH_MAX];

static xmlParserInputPtr entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	char real[PATH_MAX];
	size_t n = strlen(allowed_dir);
	char *path;
	bool inside;
	(void)id;
	if (!url || n == 0)
		return NULL;
	if (strncmp(url, "file://", 7) == 0)
		url += 7;
	/* A plain path that resolves inside the directory; no scheme, no network.
	 * libxml2 escapes an import's path as a URI ("sp%20ace"): undo that first. */
	if (strstr(url, "://") || !(path = xmlURIUnescapeString(url, 0, NULL)))
		return NULL;
	inside = realpath(path, real) && strncmp(real, allowed_dir, n) == 0 && real[n] == '/';
	xmlFree(path);
	return inside ? xmlNewInputFromFile(ctxt, real) : NULL;
}

/* Errors go to the caller, never to stderr (they can quote the document). */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void first_error(void *ctx, xmlErrorPtr e)
{
	char *err = ctx;
	if (err[0] == '\0' && e && e->message) {
		snprintf(err, 256, "%s", e->message);
		err[strcspn(err, "\n")] = '\0';
	}
}

zk_ijw_schema *zk_ijw_schema_load(const char *dir, const char *name, char *err, size_t errlen)
{
	char path[PATH_MAX + 64], msg[256] = "";
	xmlSchemaParserCtxtPtr pctxt;
	zk_ijw_schema *s;

	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetExternalEntityLoader(entity_loader);
	if (!realpath(dir, allowed_dir)) {
		allowed_dir[0] = '\0';
		snprintf(err, errlen, "schema directory %s not found", dir);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s", allowed_dir, name);
	s = calloc(1, sizeof(*s));
	pctxt = s ? xmlSchemaNewParserCtxt(path) : NULL;
	if (pctxt) {
		xmlSchemaSetParserStructuredErrors(pctxt, first_error, msg);
		s->schema = xmlSchemaParse(pctxt);
		xmlSchemaFreeParserCtxt(pctxt);
	}
	allowed_dir[0] = '\0';
	if (!s || !s->schema) {
		snprintf(err, errlen, "schema %s does not load%s%s", path, msg[0] ? ": " : "", msg);
		free(s);
		return NULL;
	}
	return s;
}

void zk_ijw_schema_free(zk_ijw_schema *s)
{
	if (!s)
		return;
	xmlSchemaFree(s->schema);
	free(s);
}

/* Any DOCTYPE stops the parser: entities are only ever declared in one. */
static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	(void)name;
	(void)external_id;
	(void)system_id;
	*(bool *)ctxt->_private = true;
	xmlStopParser(ctxt);
}

xmlDocPtr zk_ijw_parse(const char *buf, size_t len, zk_xml_status *status)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	bool doctype = false;

	*status = ZK_XML_MALFORMED;
	if (!buf || len == 0 || len > INT_MAX)
		return NULL;
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		*status = ZK_XML_NOMEM;
		return NULL;
	}
	ctxt->_private = &doctype;
	ctxt->sax->internalSubset = refuse_doctype;
	ctxt->sax->externalSubset = refuse_doctype;
	/* No NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE: nothing is substituted or fetched. */
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc && (doctype || doc->intSubset || doc->extSubset)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (doctype)
		*status = ZK_XML_DTD;
	else if (doc)
		*status = ZK_XML_OK;
	if (doc && !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		doc = NULL;
		*status = ZK_XML_MALFORMED;
	}
	return doc;
}

/* Drops the character that a cut at the end of s left incomplete: a name or
 * reason must stay UTF-8, or it cannot go into the JSON answer. */
static void cut_whole_character(char *s)
{
	size_t n = strlen(s), k = n, need;
	unsigned char lead;
	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k == 0)
		return;
	lead = (unsigned char)s[k - 1];
	need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if (n - (k - 1) < need)
		s[k - 1] = '\0';
}

void zk_ijw_path(const xmlNode *node, char *out, size_t size)
{
	const xmlNode *chain[64];
	size_t n = 0, used = 0;

	out[0] = '\0';
	for (; node && node->type == XML_ELEMENT_NODE && n < 64; node = node->parent)
		chain[n++] = node;
	if (n == 0) {
		snprintf(out, size, "/");
		return;
	}
	while (n-- > 0 && used < size) {
		const xmlNode *e = chain[n], *s;
		int pos = 0, same = 0;
		for (s = e->parent ? e->parent->children : e; s; s = s->next) {
			if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, e->name))
				continue;
			same++;
			if (s == e)
				pos = same;
		}
		if (same > 1 && e->parent && e->parent->type == XML_ELEMENT_NODE)
			used += (size_t)snprintf(out + used, size - used, "/%s[%d]", (const char *)e->name, pos);
		else
			used += (size_t)snprintf(out + used, size - used, "/%s", (const char *)e->name);
	}
	cut_whole_character(out);
}

/* Removes every occurrence of what (n bytes) from s, in place. */
static void cut_all(char *s, const char *what, size_t n)
{
	char *hit;
	if (n == 0)
		return;
	while ((hit = strstr(s, what)) != NULL)
		memmove(hit, hit + n, strlen(hit + n) + 1);
}

/* Removes value from s, quoted and, when long enough not to be a schema digit, as it is. */
static void cut_value(char *s, const char *value)
{
	size_t n = strlen(value);
	char *quoted = malloc(n + 3);
	if (quoted) {
		snprintf(quoted, n + 3, "'%s'", value);
		cut_all(s, quoted, n + 2);
		free(quoted);
	}
	if (n >= 3)
		cut_all(s, value, n);
}

/* value after XML Schema's whiteSpace facet: tabs and line ends become spaces
 * (replace) and, with collapse, runs of spaces one and none at the ends. */
static void whitespace_facet(const char *value, bool collapse, char *out)
{
	size_t o = 0;
	for (const char *p = value; *p; p++) {
		char c = (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p;
		if (collapse && c == ' ' && (o == 0 || out[o - 1] == ' '))
			continue;
		out[o++] = c;
	}
	if (collapse && o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

/*
 * libxml2's message without what the sender wrote: the element's own text
 * (the value, quoted or not, which may be a BSN or a name) is cut out, as
 * written and as libxml2 quotes it after the whiteSpace facet, and
 * namespaces "{http...}" go; the schema's facts (patterns, sets, lengths)
 * stay. The cuts are made on the whole message, before it is shortened to
 * size (at a character boundary), so that no part of a long value escapes
 * them. value may be NULL (an element without text).
 */
static void sanitise(const char *msg, const char *value, char *out, size_t size)
{
	char *all = strdup(msg), *p, *q;

	if (!all) {
		snprintf(out, size, "ongeldig");
		return;
	}
	/* The value first, from the message as libxml2 wrote it: stripping could change it. */
	if (value && *value) {
		char *form = malloc(strlen(value) + 1);
		cut_value(all, value);
		if (form) {
			whitespace_facet(value, false, form);
			cut_value(all, form);
			whitespace_facet(value, true, form);
			cut_value(all, form);
			free(form);
		}
	}
	for (p = q = all; *p;) {
		if (*p == '{' && strncmp(p + 1, "http", 4) == 0 && strchr(p, '}')) {
			p = strchr(p, '}') + 1;
			continue;
		}
		if (*p == '\n' || (*p == ' ' && q > all && q[-1] == ' ')) {
			p++;
			continue;
		}
		*q++ = *p++;
	}
	*q = '\0';
	/* Whatever slipped past the cuts above (a value quoted in a form not
	 * foreseen, a BSN inside a longer value): a run of nine or more digits
	 * may hold a BSN, and never explains a rule. Done on the joined text, so
	 * digits that a removed line end separated count as one run. */
	for (p = q = all; *p;) {
		size_t digits = strspn(p, "0123456789");
		if (digits >= 9) {
			memcpy(q, "...", 3);
			q += 3;
			p += digits;
		} else if (digits > 0) {
			memmove(q, p, digits);
			q += digits;
			p += digits;
		} else {
			*q++ = *p++;
		}
	}
	*q = '\0';
	snprintf(out, size, "%s", all);
	cut_whole_character(out);
	free(all);
}

typedef struct collect {
	json_t *invalid;
	long count;
} collect;

static void collect_error(void *ctx, xmlErrorPtr e)
{
	collect *c = ctx;
	char path[512], reason[512];

	c->count++;
	if (!c->invalid || c->count > MAX_VIOLATIONS || !e)
		return;
	xmlChar *value = e->node ? xmlNodeGetContent((xmlNode *)e->node) : NULL;
	zk_ijw_path(e->node, path, sizeof(path));
	sanitise(e->message ? e->message : "ongeldig", (const char *)value, reason, sizeof(reason));
	xmlFree(value);
	zk_invalid(c->invalid, path, reason);
}

long zk_ijw_validate(const zk_ijw_schema *s, xmlDocPtr doc, json_t *invalid)
{
	xmlSchemaValidCtxtPtr v;
	collect c = { invalid, 0 };
	int rc;

	if (!s || !doc)
		return -1;
	v = xmlSchemaNewValidCtxt(s->schema);
	if (!v)
		return -1;
	xmlSchemaSetValidStructuredErrors(v, collect_error, &c);
	rc = xmlSchemaValidateDoc(v, doc);
	xmlSchemaFreeValidCtxt(v);
	if (rc < 0)
		return -1;
	if (rc > 0 && c.count == 0) {
		/* invalid, but nothing said where: still a violation */
		zk_invalid(invalid, "/", "het bericht voldoet niet aan het schema");
		c.count = 1;
	}
	return c.count;
}

xmlNode *zk_ijw_child(const xmlNode *parent, const char *name)
{
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)name))
			return c;
	return NULL;
}

char *zk_ijw_child_text(const xmlNode *parent, const char *name)
{
	xmlNode *c = zk_ijw_child(parent, name);
	return c ? (char *)xmlNodeGetContent(c) : NULL;
}

const char *zk_ijw_message_of(const xmlNode *root, char *out, size_t size)
{
	const char *ns, *rest;
	size_t n = strlen(ZK_IJW_NS_PREFIX), k = 0;

	if (!root || !root->ns || !root->ns->href)
		return NULL;
	ns = (const char *)root->ns->href;
	if (strncmp(ns, ZK_IJW_NS_PREFIX, n) != 0)
		return NULL;
	rest = ns + n;
	/* ".../3_2/jw315/schema" */
	while (rest[k] && rest[k] != '/' && k + 1 < size && k < 8) {
		out[k] = rest[k];
		k++;
	}
	out[k] = '\0';
	if (k == 0 || strcmp(rest + k, "/schema") != 0)
		return NULL;
	return out;
}
