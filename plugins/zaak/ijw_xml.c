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

/*
 * libxml2's message without what the sender wrote: the element's own text
 * (the value, quoted or not, which may be a BSN or a name) is cut out, and
 * namespaces "{http...}" go; the schema's facts (patterns, sets, lengths)
 * stay. value may be NULL (an element without text).
 */
static void sanitise(const char *msg, const char *value, char *out, size_t size)
{
	size_t o = 0;
	const char *p = msg;

	while (*p && o + 1 < size) {
		if (*p == '{' && strncmp(p + 1, "http", 4) == 0) {
			const char *close = strchr(p, '}');
			if (close) {
				p = close + 1;
				continue;
			}
		}
		if (*p == '\n') {
			p++;
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
	if (value && *value) {
		size_t n = strlen(value);
		char *quoted = malloc(n + 3);
		if (quoted) {
			snprintf(quoted, n + 3, "'%s'", value);
			cut_all(out, quoted, n + 2);
			free(quoted);
		}
		/* unquoted, or inside a longer quote: long enough not to be a schema digit */
		if (n >= 3)
			cut_all(out, value, n);
		for (char *d; (d = strstr(out, "  ")) != NULL;)
			memmove(d, d + 1, strlen(d + 1) + 1);
	}
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
