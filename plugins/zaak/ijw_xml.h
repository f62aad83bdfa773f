/*
 * iJw messages as XML, with libxml2, safely: parsing refuses any DOCTYPE
 * (so no entity is ever declared, expanded or fetched: no billion laughs,
 * no XXE), never touches the network, and forces UTF-8; schemas are loaded
 * once at start-up from the data directory, and afterwards the process's
 * external-entity loader refuses every URI.
 *
 * Violations are reported as invalid-params entries named by element path
 * ("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang"):
 * local names, with a 1-based position only where an element repeats. The
 * reasons never quote the submitted value (it may be a BSN or a name).
 */
#ifndef TOEGANG_ZAAK_IJW_XML_H
#define TOEGANG_ZAAK_IJW_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <libxml/tree.h>

#define ZK_IJW_NS_BASIS "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
#define ZK_IJW_NS_PREFIX "http://www.istandaarden.nl/ijw/3_2/"

typedef struct zk_ijw_schema zk_ijw_schema;

typedef enum zk_xml_status {
	ZK_XML_OK,
	ZK_XML_MALFORMED,   /* not well-formed XML, not UTF-8, or empty */
	ZK_XML_DTD,         /* a DOCTYPE: refused whatever it holds */
	ZK_XML_NOMEM
} zk_xml_status;

/*
 * Loads dir/<name> (e.g. "JW315.xsd") and what it imports from dir, and
 * nothing from anywhere else. NULL with a reason in err when it fails.
 */
zk_ijw_schema *zk_ijw_schema_load(const char *dir, const char *name, char *err, size_t errlen);
void zk_ijw_schema_free(zk_ijw_schema *s);

/* Parses len bytes of buf (see above). The document, or NULL with *status set. */
xmlDocPtr zk_ijw_parse(const char *buf, size_t len, zk_xml_status *status);

/*
 * Validates doc against s; appends one {name, reason} per violation to
 * invalid (at most 50). Returns the number of violations, -1 when the
 * validator itself failed.
 */
long zk_ijw_validate(const zk_ijw_schema *s, xmlDocPtr doc, json_t *invalid);

/* The element path of node (see above), truncated to size. */
void zk_ijw_path(const xmlNode *node, char *out, size_t size);

/* The first child element of parent named name (any namespace), or NULL. */
xmlNode *zk_ijw_child(const xmlNode *parent, const char *name);
/* The text of that child as a new string (xmlFree it), or NULL when absent. */
char *zk_ijw_child_text(const xmlNode *parent, const char *name);
/* The message name of a root element's namespace ("jw315"), or NULL. */
const char *zk_ijw_message_of(const xmlNode *root, char *out, size_t size);

#endif
