/*
 * toegang-ijw-validate: checks iJw message files against the iJw 3.2 schemas,
 * with the same code the portal uses (plugins/zaak/ijw_xml.c): no DOCTYPE,
 * no entity, no network. The schema follows from the root element's
 * namespace (…/ijw/3_2/jw301/schema → JW301.xsd). See toegang-ijw-validate(1).
 *
 * Exit status: 0 every file valid, 1 some file breaks its schema, 2 a file
 * could not be read or parsed, or bad usage.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ijw_xml.h"

#define FILE_MAX (16 * 1024 * 1024)
#define TYPES_MAX 32

static struct {
	char name[16];
	zk_ijw_schema *schema;
} loaded[TYPES_MAX];
static size_t nloaded;

static zk_ijw_schema *schema_for(const char *dir, const char *msg, char *err, size_t errlen)
{
	char file[32];
	size_t i;
	for (i = 0; i < nloaded; i++)
		if (strcmp(loaded[i].name, msg) == 0)
			return loaded[i].schema;
	if (nloaded == TYPES_MAX) {
		snprintf(err, errlen, "too many message types");
		return NULL;
	}
	for (i = 0; msg[i] && i < 15; i++)
		file[i] = (char)toupper((unsigned char)msg[i]);
	snprintf(file + i, sizeof(file) - i, ".xsd");
	snprintf(loaded[nloaded].name, sizeof(loaded[nloaded].name), "%s", msg);
	loaded[nloaded].schema = zk_ijw_schema_load(dir, file, err, errlen);
	return loaded[nloaded].schema ? loaded[nloaded++].schema : NULL;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0;
	if (!f)
		return NULL;
	buf = malloc(FILE_MAX + 1);
	if (buf) {
		n = fread(buf, 1, FILE_MAX + 1, f);
		if (ferror(f) || n > FILE_MAX) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

/* 0 valid, 1 invalid, 2 unreadable. */
static int check(const char *dir, const char *path)
{
	size_t len, i;
	char *buf = slurp(path, &len), msg[16], err[512];
	xmlDocPtr doc;
	zk_xml_status st;
	zk_ijw_schema *schema;
	json_t *invalid, *e;
	long n;
	int rc;

	if (!buf) {
		printf("%s: cannot read (or larger than %d bytes)\n", path, FILE_MAX);
		return 2;
	}
	doc = zk_ijw_parse(buf, len, &st);
	free(buf);
	if (!doc) {
		printf("%s: %s\n", path, st == ZK_XML_DTD ? "has a DOCTYPE: refused (no DTD, no entities)"
		    : "not well-formed XML (UTF-8)");
		return 2;
	}
	if (!zk_ijw_message_of(xmlDocGetRootElement(doc), msg, sizeof(msg))) {
		printf("%s: /: not an iJw 3.2 message (root namespace)\n", path);
		xmlFreeDoc(doc);
		return 1;
	}
	schema = schema_for(dir, msg, err, sizeof(err));
	if (!schema) {
		printf("%s: %s\n", path, err);
		xmlFreeDoc(doc);
		return 2;
	}
	invalid = json_array();
	n = invalid ? zk_ijw_validate(schema, doc, invalid) : -1;
	xmlFreeDoc(doc);
	if (n < 0) {
		printf("%s: the validator failed\n", path);
		json_decref(invalid);
		return 2;
	}
	json_array_foreach(invalid, i, e)
		printf("%s: %s: %s\n", path, json_string_value(json_object_get(e, "name")),
		    json_string_value(json_object_get(e, "reason")));
	if (n > (long)json_array_size(invalid))
		printf("%s: … %ld violations in all\n", path, n);
	if (n == 0)
		printf("%s: valid %s\n", path, msg);
	rc = n == 0 ? 0 : 1;
	json_decref(invalid);
	return rc;
}

int main(int argc, char **argv)
{
	const char *dir = getenv("TOEGANG_IJW_XSD");
	int opt, worst = 0;

	if (!dir)
		dir = IJW_XSD_DIR;
	while ((opt = getopt(argc, argv, "d:h")) != -1) {
		switch (opt) {
		case 'd': dir = optarg; break;
		default:
			fprintf(stderr, "usage: toegang-ijw-validate [-d XSD_DIR] FILE...\n");
			return opt == 'h' ? 0 : 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: toegang-ijw-validate [-d XSD_DIR] FILE...\n");
		return 2;
	}
	for (int i = optind; i < argc; i++) {
		int rc = check(dir, argv[i]);
		if (rc > worst)
			worst = rc;
	}
	for (size_t i = 0; i < nloaded; i++)
		zk_ijw_schema_free(loaded[i].schema);
	xmlCleanupParser();
	return worst;
}
