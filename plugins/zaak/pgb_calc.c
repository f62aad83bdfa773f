/* The PGB line's shape and the call of pgb_bereken(). */
#include "pgb_calc.h"

#include <stdio.h>
#include <stdlib.h>

#include "zaak_store.h"

#define PGB_SQL_BEREKEN \
	"SELECT pgb_bereken($1::jsonb, $2::bpchar, $3::text, " \
	"(now() AT TIME ZONE 'Europe/Amsterdam')::date)::text"

/* Amounts: euro and hours up to these bounds, two decimals at most. */
#define MAX_VOLUME 100000
#define MAX_RATE 1000000

static char st_bereken[80];

static const char *const hulpsoorten[] = { "formeel", "informeel", NULL };
static const char *const eenheden[] = {
	"uur", "dag", "dagdeel", "etmaal", "traject", "client_jaar", "km", "dbc", NULL,
};
static const char *const perioden[] = { "dag", "week", "maand", "totaal", NULL };

static const zk_field f_product_ref[] = {
	{ .name = "aanbieder_agb", .kind = ZK_AGB, .required = true },
	{ .name = "productcode", .kind = ZK_TEXT, .required = true, .min = 1, .max = 5 },
	{ .name = NULL },
};

/* What the helper and the payment are, common to both shapes. */
#define PGB_HELPER_FIELDS \
	{ .name = "hulp", .kind = ZK_ENUM, .required = true, .values = hulpsoorten }, \
	{ .name = "leeftijd_hulpverlener", .kind = ZK_INT, .min = 12, .max = 120 }, \
	{ .name = "woont_elders", .kind = ZK_BOOL }, \
	{ .name = "vog_datum", .kind = ZK_DATE }, \
	{ .name = "hulpverlening_per_etmaal", .kind = ZK_AMOUNT, .min = 0, .max = MAX_RATE }, \
	{ .name = "tarief_gevraagd", .kind = ZK_AMOUNT, .min = 0, .max = MAX_RATE }

const zk_field zk_pgb_regel_fields[] = {
	{ .name = "tarief", .kind = ZK_TEXT, .min = 1, .max = 64 },
	{ .name = "product", .kind = ZK_OBJECT, .fields = f_product_ref },
	{ .name = "productcategorie", .kind = ZK_CODE, .codes = &zk_productcategorieen,
	  .code_name = "JZ020-productcategorie" },
	PGB_HELPER_FIELDS,
	{ .name = "volume", .kind = ZK_AMOUNT, .required = true, .min = 0, .max = MAX_VOLUME },
	{ .name = "eenheid", .kind = ZK_ENUM, .values = eenheden },
	{ .name = "per", .kind = ZK_ENUM, .required = true, .values = perioden },
	{ .name = "ingangsdatum", .kind = ZK_DATE, .required = true },
	{ .name = "einddatum", .kind = ZK_DATE, .required = true },
	{ .name = "datum", .kind = ZK_DATE },
	{ .name = NULL },
};

static const zk_field f_motivering[] = {
	{ .name = "aanbod_niet_passend", .kind = ZK_TEXT_LINES, .min = 1, .max = 4000 },
	{ .name = "wens_pgb", .kind = ZK_TEXT_LINES, .min = 1, .max = 4000 },
	{ .name = "kwaliteit", .kind = ZK_TEXT_LINES, .min = 1, .max = 4000 },
	{ .name = "informele_hulp", .kind = ZK_TEXT_LINES, .min = 1, .max = 4000 },
	{ .name = NULL },
};

const zk_field zk_pgb_product_fields[] = {
	{ .name = "tarief", .kind = ZK_TEXT, .min = 1, .max = 64 },
	PGB_HELPER_FIELDS,
	{ .name = "motivering", .kind = ZK_OBJECT, .fields = f_motivering },
	{ .name = NULL },
};

/* A copy of the lines without null members: the validation reads null as
 * absent, and so must pgb_bereken (whose "member ? key" would not). */
static json_t *without_nulls(const json_t *lines)
{
	json_t *copy = json_deep_copy(lines), *line;
	size_t i;
	json_array_foreach(copy, i, line) {
		const char *key;
		json_t *v;
		void *tmp;
		json_object_foreach_safe(line, tmp, key, v)
			if (json_is_null(v))
				json_object_del(line, key);
	}
	return copy;
}

int zk_pgb_init(const tg_services *svc, const char *prefix)
{
	snprintf(st_bereken, sizeof(st_bereken), "%s.pgb_bereken", prefix);
	return svc->db_prepare(st_bereken, PGB_SQL_BEREKEN, 3);
}

json_t *zk_pgb_bereken(tg_request *req, const tg_services *svc, const json_t *lines,
    const char *gemeente, const char *maatregel)
{
	json_t *clean = without_nulls(lines);
	/* Validated amounts have at most 10 significant digits: 15 prints them exactly. */
	char *text = clean ? json_dumps(clean, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
	const char *params[3] = { text, gemeente, maatregel };
	PGresult *r;
	json_t *out = NULL;

	json_decref(clean);
	if (!text)
		return NULL;
	r = svc->db_exec(req, st_bereken, 3, params);
	if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		out = json_loads(PQgetvalue(r, 0, 0), 0, NULL);
	else if (r)
		zk_log_sqlstate(svc, req, "pgb-bereken-failed", r);
	PQclear(r);
	free(text);
	return out;
}
