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

/* $1 q (a piece of the name, or an exact AGB/KvK; NULL: any), $2 JZ020
 * category, $3 landelijk (NULL: both), $4 date, $5 at most -> the providers
 * of the productenboek (products valid on $4) and of the VNG landelijke
 * inkoop list (contract running on $4), one entry per AGB, nationally
 * contracted ones marked, with the list's state (landelijke_lijst_status). */
#define PR_SQL_AANBIEDERS \
	"WITH boek AS (SELECT p.aanbieder_agb::text AS agb, min(p.aanbieder_naam) AS naam, " \
	"  array_agg(DISTINCT p.productcategorie::text) AS cats FROM product p " \
	"  WHERE p.geldig_van <= $4::date AND (p.geldig_tot IS NULL OR p.geldig_tot > $4::date) " \
	"  GROUP BY 1), " \
	"lnd AS (SELECT l.agb::text AS agb, l.kvk::text AS kvk, l.naam, l.functies, " \
	"  l.productcategorieen, l.ingangsdatum, l.einddatum FROM landelijke_aanbieder l " \
	"  WHERE l.ingangsdatum <= $4::date AND (l.einddatum IS NULL OR l.einddatum >= $4::date)), " \
	"alle AS (SELECT COALESCE(l.agb, b.agb) AS agb, l.kvk, COALESCE(b.naam, l.naam) AS naam, " \
	"  ARRAY(SELECT DISTINCT c FROM unnest(COALESCE(b.cats, '{}') || COALESCE(l.productcategorieen, '{}')) c " \
	"        ORDER BY c) AS cats, " \
	"  l.naam IS NOT NULL AS landelijk, b.agb IS NOT NULL AS in_boek, l.functies, l.ingangsdatum, l.einddatum " \
	"  FROM boek b FULL JOIN lnd l ON l.agb = b.agb), " \
	"sel AS (SELECT a.*, row_number() OVER (ORDER BY lower(a.naam), a.agb, a.kvk) AS rn FROM alle a " \
	"  WHERE ($1::text IS NULL OR strpos(lower(a.naam), lower($1::text)) > 0 " \
	"         OR a.agb = $1::text OR a.kvk = $1::text) " \
	"  AND ($2::text IS NULL OR $2::text = ANY (a.cats)) " \
	"  AND ($3::boolean IS NULL OR a.landelijk = $3::boolean) " \
	"  ORDER BY rn LIMIT $5::integer + 1) " \
	"SELECT json_build_object('datum', to_char($4::date, 'YYYY-MM-DD'), " \
	"'aanbieders', COALESCE((SELECT json_agg(json_build_object('naam', s.naam, 'agb', s.agb, " \
	"  'kvk', s.kvk, 'productcategorieen', s.cats, 'productenboek', s.in_boek, " \
	"  'landelijk', s.landelijk, 'raamcontract', CASE WHEN s.landelijk THEN json_build_object(" \
	"    'soort', 'VNG landelijke inkoop', 'productcategorie', '55', 'functies', s.functies, " \
	"    'ingangsdatum', to_char(s.ingangsdatum, 'YYYY-MM-DD'), " \
	"    'einddatum', to_char(s.einddatum, 'YYYY-MM-DD')) END) ORDER BY s.rn) " \
	"  FROM sel s WHERE s.rn <= $5::integer), '[]'::json), " \
	"'meer', (SELECT count(*) FROM sel) > $5::integer, " \
	"'landelijke_lijst', landelijke_lijst_status())::text"

#endif
