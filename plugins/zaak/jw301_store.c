/* The JW301s of a beschikking; see jw301_store.h. */
#include "jw301_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ijw_xml.h"
#include "jw301.h"
#include "zaak_sql.h"
#include "zaak_store.h"

static char st_data[80], st_insert[80];
static zk_ijw_schema *schema;

int zk_jw301_init(const tg_services *svc, const char *prefix)
{
	const char *data = svc->config(NULL, "data_dir");
	char dir[1024], err[512];

	snprintf(dir, sizeof(dir), "%s/ijw/xsd", data ? data : ".");
	schema = zk_ijw_schema_load(dir, "JW301.xsd", err, sizeof(err));
	if (!schema) {
		svc->log(NULL, TG_LOG_ERROR, "ijw-schema-load-failed", err);
		fprintf(stderr, "toegangd: %s\n", err);
		return -1;
	}
	snprintf(st_data, sizeof(st_data), "%s.jw301_data", prefix);
	snprintf(st_insert, sizeof(st_insert), "%s.jw301_insert", prefix);
	if (svc->db_prepare(st_data, ZK_SQL_JW301_DATA, 1) != 0 ||
	    svc->db_prepare(st_insert, ZK_SQL_JW301_INSERT, 2) != 0) {
		zk_jw301_fini();
		return -1;
	}
	return 0;
}

void zk_jw301_fini(void)
{
	zk_ijw_schema_free(schema);
	schema = NULL;
}

/* One message: made, validated, added to rows. >0 violations, 0, or <0. */
static long one(const char *text, json_t *rows, json_t *invalid)
{
	json_t *b = json_loads(text, 0, NULL);
	char *xml = NULL;
	size_t len;
	xmlDocPtr doc = NULL;
	zk_xml_status st;
	long n = TG_FAIL_INTERNAL;

	if (!b || !(xml = zk_jw301_xml(b, &len)) || !(doc = zk_ijw_parse(xml, len, &st)))
		goto done;
	n = zk_ijw_validate(schema, doc, invalid);
	if (n < 0) {
		n = TG_FAIL_INTERNAL;
		goto done;
	}
	if (n == 0 && json_array_append_new(rows, json_pack("{s:O, s:O, s:O, s:O, s:O, s:s}",
	    "gemeente", json_object_get(b, "afzender"), "aanbieder", json_object_get(b, "ontvanger"),
	    "identificatie", json_object_get(b, "identificatie"), "dagtekening",
	    json_object_get(b, "dagtekening"), "nummers", json_object_get(b, "nummers"), "xml", xml)) != 0)
		n = TG_FAIL_INTERNAL;
done:
	xmlFreeDoc(doc);
	free(xml);
	json_decref(b);
	return n;
}

long zk_jw301_make(tg_request *req, const tg_services *svc, const char *zaak_id, json_t *invalid)
{
	const char *params[2] = { zaak_id, NULL };
	json_t *rows = json_array();
	char *rows_text = NULL;
	PGresult *r = NULL, *w = NULL;
	long n = 0;

	if (!rows)
		return TG_FAIL_INTERNAL;
	r = svc->db_exec(req, st_data, 1, params);
	if (!r) {
		n = TG_FAIL_DB;
		goto done;
	}
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		zk_log_sqlstate(svc, req, "jw301-data-failed", r);
		n = TG_FAIL_INTERNAL;
		goto done;
	}
	for (int i = 0; i < PQntuples(r) && n >= 0; i++) {
		long k = one(PQgetvalue(r, i, 0), rows, invalid);
		n = k < 0 ? k : n + k;
	}
	if (n != 0 || json_array_size(rows) == 0)
		goto done;
	rows_text = json_dumps(rows, JSON_COMPACT);
	params[1] = rows_text;
	w = rows_text ? svc->db_exec(req, st_insert, 2, params) : NULL;
	if (!w) {
		n = rows_text ? TG_FAIL_DB : TG_FAIL_INTERNAL;
		goto done;
	}
	if (PQresultStatus(w) != PGRES_COMMAND_OK ||
	    strtoul(PQcmdTuples(w), NULL, 10) != json_array_size(rows)) {
		zk_log_sqlstate(svc, req, "jw301-insert-failed", w);
		n = TG_FAIL_INTERNAL;
	}
done:
	if (n > 0)
		svc->log(req, TG_LOG_ERROR, "jw301-invalid", "a JW301 made here breaks the schema; nothing stored");
	PQclear(r);
	PQclear(w);
	free(rows_text);
	json_decref(rows);
	return n;
}
