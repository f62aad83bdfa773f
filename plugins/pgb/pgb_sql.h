/* The statements of the pgb plugin (sql/009_pgb.sql). */
#ifndef TOEGANG_PGB_SQL_H
#define TOEGANG_PGB_SQL_H

#define PGB_DAY(col) "to_char(" col ", 'YYYY-MM-DD')"
#define PGB_VALID_ON(alias, d) \
	alias ".geldig_van <= " d " AND (" alias ".geldig_tot IS NULL OR " alias ".geldig_tot > " d ")"

/* $1 date, $2 gemeente (or NULL) -> the tariff table, the rules and the
 * minimum wages valid on $1 (a gemeente's own row before the region's). */
#define PGB_SQL_TARIEVEN \
	"SELECT json_build_object('datum', " PGB_DAY("$1::date") ", 'gemeente', $2::text, " \
	"'tarieven', (SELECT COALESCE(json_agg(json_build_object('sleutel', t.sleutel, " \
	"  'groep', t.groep, 'omschrijving', t.omschrijving, 'codes', t.codes, 'eenheid', t.eenheid, " \
	"  'formeel_tarief', t.formeel_tarief, 'informeel', t.informeel, " \
	"  'informeel_tarief', t.informeel_tarief, 'max_per_week', t.max_per_week, " \
	"  'totaal_max', t.totaal_max, 'minuten_van', t.minuten_van, 'minuten_tot', t.minuten_tot, " \
	"  'pgb_mogelijk', t.pgb_uitsluiting IS NULL AND t.formeel_tarief IS NOT NULL, " \
	"  'pgb_uitsluiting', t.pgb_uitsluiting, 'bron', t.bron, 'gemeente', t.gemeente, " \
	"  'geldig_van', " PGB_DAY("t.geldig_van") ", 'geldig_tot', " PGB_DAY("t.geldig_tot") ") " \
	"  ORDER BY t.id), '[]'::json) FROM (SELECT DISTINCT ON (x.sleutel) x.* FROM pgb_tarief x " \
	"  WHERE " PGB_VALID_ON("x", "$1::date") " AND (x.gemeente IS NULL OR x.gemeente = $2::bpchar) " \
	"  ORDER BY x.sleutel, x.gemeente IS NULL, x.geldig_van DESC) t), " \
	"'regels', (SELECT COALESCE(json_agg(json_build_object('naam', r.naam, 'waarde', r.waarde, " \
	"  'artikel', r.artikel, 'grondslag', r.grondslag) ORDER BY r.naam), '[]'::json) " \
	"  FROM (SELECT DISTINCT ON (x.naam) x.* FROM pgb_regel x WHERE " PGB_VALID_ON("x", "$1::date") \
	"  AND (x.gemeente IS NULL OR x.gemeente = $2::bpchar) " \
	"  ORDER BY x.naam, x.gemeente IS NULL, x.geldig_van DESC) r), " \
	"'minimumloon', (SELECT COALESCE(json_agg(json_build_object('leeftijd', m.leeftijd, " \
	"  'per_uur', m.per_uur, 'bron', m.bron) ORDER BY m.leeftijd), '[]'::json) " \
	"  FROM minimumloon m WHERE " PGB_VALID_ON("m", "$1::date") "))::text"

/* $1 zaak, $2 declaration (jsonb), $3 role, $4 identity -> pgb_declareren's
 * answer (sql/009_pgb.sql). */
#define PGB_SQL_DECLAREREN "SELECT pgb_declareren($1::uuid, $2::jsonb, $3, $4)::text"

#endif
