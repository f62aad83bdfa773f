/* The statements of the producten plugin (sql/009_pgb.sql). */
#ifndef TOEGANG_PRODUCTEN_SQL_H
#define TOEGANG_PRODUCTEN_SQL_H

/* $1 categorie, $2 aanbieder AGB, $3 gemeente (each NULL: any), $4 date,
 * $5 after this id, $6 at most -> the products valid on $4 (a gemeente's
 * filter includes the region-wide ones), by id. */
#define PR_SQL_LIST \
	"SELECT p.id, json_build_object('aanbieder_agb', p.aanbieder_agb, " \
	"'aanbieder_naam', p.aanbieder_naam, 'gemeente', p.gemeente, " \
	"'productcategorie', p.productcategorie, 'productcode', p.productcode, " \
	"'omschrijving', p.omschrijving, 'eenheid', p.eenheid, 'frequentie', p.frequentie, " \
	"'tarief', p.tarief, 'pgb_tarief', p.pgb_tarief, " \
	"'geldig_van', to_char(p.geldig_van, 'YYYY-MM-DD'), " \
	"'geldig_tot', to_char(p.geldig_tot, 'YYYY-MM-DD'))::text " \
	"FROM product p WHERE ($1::bpchar IS NULL OR p.productcategorie = $1::bpchar) " \
	"AND ($2::bpchar IS NULL OR p.aanbieder_agb = $2::bpchar) " \
	"AND ($3::bpchar IS NULL OR p.gemeente IS NULL OR p.gemeente = $3::bpchar) " \
	"AND p.geldig_van <= $4::date AND (p.geldig_tot IS NULL OR p.geldig_tot > $4::date) " \
	"AND p.id > $5::bigint ORDER BY p.id LIMIT $6::integer"

/* $1 from, $2 to (inclusive), $3 the region's gemeenten (text[] or NULL:
 * every one) -> {aanbod: [...], beschikkingen: [...]}: per gemeente (NULL:
 * region-wide products, or the region's total) which providers offer how
 * many products of each category in the period, and how many beschikkingen
 * allocated each product of each provider. */
#define PR_SQL_OVERZICHT \
	"SELECT json_build_object('van', to_char($1::date, 'YYYY-MM-DD'), " \
	"'tot', to_char($2::date, 'YYYY-MM-DD'), 'gemeenten', $3::text[], " \
	"'aanbod', (SELECT COALESCE(json_agg(json_build_object('gemeente', a.gemeente, " \
	"  'productcategorie', a.productcategorie, 'aanbieder_agb', a.aanbieder_agb, " \
	"  'aanbieder_naam', a.aanbieder_naam, 'producten', a.n) " \
	"  ORDER BY a.gemeente NULLS FIRST, a.productcategorie, a.aanbieder_agb), '[]'::json) FROM (" \
	"  SELECT p.gemeente, p.productcategorie, p.aanbieder_agb, min(p.aanbieder_naam) AS aanbieder_naam, " \
	"  count(DISTINCT p.productcode) AS n FROM product p " \
	"  WHERE p.geldig_van <= $2::date AND (p.geldig_tot IS NULL OR p.geldig_tot > $1::date) " \
	"  AND (p.gemeente IS NULL OR $3::text[] IS NULL OR p.gemeente = ANY ($3::text[])) " \
	"  GROUP BY 1, 2, 3) a), " \
	"'beschikkingen', (SELECT COALESCE(json_agg(json_build_object('gemeente', o.gemeente, " \
	"  'productcategorie', o.productcategorie, 'productcode', o.productcode, " \
	"  'aanbieder_agb', o.aanbieder_agb, 'vorm', o.vorm, 'beschikkingen', o.beschikkingen)), " \
	"  '[]'::json) FROM regio_overzicht($1::date, $2::date, $3::text[]) o))::text"

#endif
