/*
 * The statements of zaak_store.c, kept apart so the C reads as control flow.
 * VISIBLE repeats the row-level security rule of sql/002_zaak.sql with the
 * caller as parameters: the query narrows by it (and can use an index), the
 * policy checks it again.
 */
#ifndef TOEGANG_ZAAK_SQL_H
#define TOEGANG_ZAAK_SQL_H

#define ZK_VISIBLE_AS(A, R, I) \
	"(CASE WHEN " R "::text IN ('ouder', 'jeugdige') THEN " A ".partij_bsn @> ARRAY[" I "::text] " \
	"WHEN " R "::text IN ('huisarts', 'jeugdarts', 'medisch_specialist') " \
	"THEN " A ".verwijzer_agb::text = " I "::text " \
	"WHEN " R "::text IN ('gi', 'rechter', 'om', 'jji') THEN " A ".verwijzer_org = " I "::text " \
	"WHEN " R "::text = 'aanbieder' THEN " A ".aanbieder_agbs @> ARRAY[" I "::text] " \
	"WHEN " R "::text IN ('cjg', 'plein', 'gst', 'beheerder') " \
	"THEN " A ".behandelende_gemeente::text = " I "::text " \
	"ELSE false END)"
#define ZK_VISIBLE(R, I) ZK_VISIBLE_AS("z", R, I)

#define ZK_TIMESTAMP(t) "to_char(" t " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* A zaak shows at most this many of its family's zaken (the newest); the
 * gezin itself (plugins/gezin) lists more. */
#define ZK_GEZIN_ZAKEN_MAX "50"

/* The reason of a doorzending: iJw WJ759 code 8. */
#define ZK_WJ759_8 \
	"json_build_object('codelijst', 'WJ759', 'code', '8', 'omschrijving', 'Woonplaatsbeginsel')"

/* The casusregisseur of gezin G now (the newest row), or null. */
#define ZK_REGISSEUR(G) \
	"(SELECT json_build_object('soort', cr.soort, 'naam', cr.naam, 'organisatie', cr.organisatie, " \
	"  'telefoon', cr.telefoon, 'email', cr.email, 'toelichting', cr.toelichting, " \
	"  'vanaf', " ZK_TIMESTAMP("cr.vanaf") ") FROM gezin_regisseur cr WHERE cr.gezin_id = " G " " \
	"  ORDER BY cr.id DESC LIMIT 1)"

#define ZK_NL_DATE(t) "(" t " AT TIME ZONE 'Europe/Amsterdam')::date"

/*
 * A create is two statements in one transaction: the zaak (with its
 * Idempotency-Key row), then its parts, because the policies let rows into
 * a zaak only once the caller can see it, and the sub-statements of one
 * statement cannot see each other's rows.
 *
 * $1 route, $2 gemeente, $3 woonplaats_te_bepalen, $4 hulpvraag, $5 spoed,
 * $6 voortzetting, $7 role, $8 identity, $9 verwijzer_type, $10 verwijzer_agb,
 * $11 verwijzer_org, $12 specialisme, $13 reden, $14 productcategorie,
 * $15 aanbieder_agb, $16 betrokkenen (jsonb, for partij_bsn),
 * $17 caller (pseudonym), $18 idempotency key, $19 body hash, $20 maatregel,
 * $21 uitspraakdatum, $22 kenmerk, $23 toestemming_gegevensdeling,
 * $24 andere_domeinen (jsonb), $25 behandelende gemeente, $26 buiten_regio,
 * $27 juridische_status, $28 omvang (jsonb), $29 geprobeerd (jsonb),
 * $30 team (jsonb) -> id, the day of receipt (Dutch calendar), and the deadline rules that
 * follow from receipt (JSON [{naam, aantal, eenheid, grondslag}]): the
 * calendar module turns those into dates.
 * The referentie has at least six digits and grows beyond them.
 */
#define ZK_SQL_CREATE \
	"WITH n AS (SELECT nextval('zaak_referentie_seq')::text AS nr), " \
	"z AS (INSERT INTO zaak (referentie, route, status, verantwoordelijke_gemeente, " \
	"  woonplaats_te_bepalen, hulpvraag, spoed, voortzetting, aangemaakt_door_rol, " \
	"  aangemaakt_door, verwijzer_type, verwijzer_agb, verwijzer_org, verwijzer_specialisme, " \
	"  verwijzing_reden, productcategorie, aanbieder_agb, partij_bsn, maatregel, " \
	"  uitspraakdatum, kenmerk, toestemming_gegevensdeling, andere_domeinen, " \
	"  behandelende_gemeente, buiten_regio, juridische_status, omvang, geprobeerd, team, " \
	"  gezin_id, verwijzer_naam) " \
	"  SELECT 'JH-' || to_char(" ZK_NL_DATE("now()") ", 'YYYY') || '-' || " \
	"  lpad(n.nr, greatest(6, length(n.nr)), '0'), $1, 'ontvangen', $2, $3, $4, $5, $6, " \
	"  $7, $8, $9, $10, $11, $12, $13, $14, $15, p.bsn, " \
	"  $20, $21::date, $22, $23::boolean, $24::jsonb, $25, $26::boolean, $27, $28::jsonb, " \
	"  $29::jsonb, $30::jsonb, gezin_van(p.bsn), $31 " \
	"  FROM n, (SELECT ARRAY(SELECT x->>'bsn' FROM jsonb_array_elements($16::jsonb) AS x) " \
	"  AS bsn) p RETURNING id), " \
	"i AS (INSERT INTO idempotentie (aanroeper, sleutel, body_hash, zaak_id) " \
	"  SELECT $17, $18, $19, z.id FROM z WHERE $18::text IS NOT NULL) " \
	"SELECT z.id, " ZK_NL_DATE("now()") "::text, " \
	"(SELECT COALESCE(json_agg(json_build_object('naam', r.naam, 'aantal', r.aantal, " \
	"  'eenheid', r.eenheid, 'grondslag', r.grondslag)), '[]'::json) FROM (" \
	"  SELECT DISTINCT ON (r.naam) r.* FROM termijnregel r WHERE r.gebeurtenis = 'ontvangst' " \
	"  AND (r.route IS NULL OR r.route = $1) AND (r.gemeente IS NULL OR r.gemeente = $2) " \
	"  AND (NOT r.alleen_spoed OR $5::boolean) " \
	"  AND r.geldig_van <= " ZK_NL_DATE("now()") \
	"  AND (r.geldig_tot IS NULL OR r.geldig_tot > " ZK_NL_DATE("now()") ") " \
	"  ORDER BY r.naam, r.gemeente IS NULL, r.route IS NULL, r.geldig_van DESC) r)::text " \
	"FROM z"
#define ZK_SQL_CREATE_N 31

/* $1 zaak id, $2 betrokkenen (jsonb), $3 toelichting, $4 role, $5 identity,
 * $6 termijnen (jsonb [{naam, datum, grondslag}]), $7 the team that becomes
 * casusregisseur when the gezin has none (jsonb {naam, organisatie,
 * telefoon, email}, or NULL)
 * -> the number of zaken written to (1, or 0 when the caller cannot see it). */
#define ZK_SQL_CREATE_PARTS \
	"WITH z AS (SELECT id, aangemaakt, gezin_id FROM zaak WHERE id = $1::uuid), " \
	"r AS (INSERT INTO gezin_regisseur (gezin_id, soort, naam, organisatie, telefoon, email, " \
	"  toelichting, actor_rol, actor) SELECT z.gezin_id, 'team', x.naam, x.organisatie, " \
	"  x.telefoon, x.email, 'Het team dat het gezin overdroeg (art. 2: waar de vraag binnenkomt).', " \
	"  $4, $5 FROM z, jsonb_to_record($7::jsonb) AS x (naam text, organisatie text, " \
	"  telefoon text, email text) WHERE $7::jsonb IS NOT NULL AND NOT EXISTS (" \
	"  SELECT 1 FROM gezin_regisseur g " \
	"  WHERE g.gezin_id = z.gezin_id)), " \
	"ib AS (INSERT INTO betrokkene (zaak_id, rol, volgorde, bsn, naam, geboortedatum, gemeente, " \
	"  geslacht) SELECT z.id, b.rol, b.volgorde, b.bsn, b.naam, b.geboortedatum, b.gemeente, " \
	"  b.geslacht FROM z, jsonb_to_recordset($2::jsonb) AS b (rol text, volgorde smallint, " \
	"  bsn text, naam text, geboortedatum date, gemeente text, geslacht text)), " \
	"s AS (INSERT INTO zaak_status (zaak_id, status, tijdstip, toelichting, actor_rol, actor) " \
	"  SELECT z.id, 'ontvangen', z.aangemaakt, $3, $4, $5 FROM z), " \
	"t AS (INSERT INTO zaak_termijn (zaak_id, naam, datum, grondslag) " \
	"  SELECT z.id, t.naam, t.datum, t.grondslag " \
	"  FROM z, jsonb_to_recordset($6::jsonb) AS t (naam text, datum date, grondslag text)) " \
	"SELECT count(*) FROM z"

/* $1 gemeente: the rest of the transaction acts as that gemeente's CJG (zk_create_opts). */
#define ZK_SQL_AS_CJG \
	"SELECT set_config('toegang.rol', 'cjg', true), set_config('toegang.identiteit', $1, true)"

/* $1 caller, $2 key -> body_hash, zaak_id */
#define ZK_SQL_IDEMPOTENT \
	"SELECT body_hash, zaak_id FROM idempotentie WHERE aanroeper = $1 AND sleutel = $2"

/* $1 id, $2 role, $3 identity -> the zaak as JSON, the jeugdige's BSN (for the access log) */
#define ZK_SQL_READ \
	"SELECT json_build_object(" \
	"'id', z.id, 'referentie', z.referentie, 'route', z.route, 'status', z.status, " \
	"'verantwoordelijke_gemeente', z.verantwoordelijke_gemeente, " \
	"'woonplaats_te_bepalen', z.woonplaats_te_bepalen, " \
	"'jeugdige', (SELECT json_strip_nulls(json_build_object('bsn', b.bsn, 'geboortedatum', " \
	"  to_char(b.geboortedatum, 'YYYY-MM-DD'), 'naam', b.naam, 'geslacht', b.geslacht)) FROM betrokkene b " \
	"  WHERE b.zaak_id = z.id AND b.rol = 'jeugdige'), " \
	"'gezaghebbenden', (SELECT COALESCE(json_agg(json_build_object('bsn', b.bsn, 'naam', b.naam, " \
	"  'gemeente', b.gemeente) ORDER BY b.volgorde), '[]'::json) FROM betrokkene b " \
	"  WHERE b.zaak_id = z.id AND b.rol = 'gezaghebbende'), " \
	"'hulpvraag', z.hulpvraag, 'spoed', z.spoed, 'voortzetting', z.voortzetting, " \
	"'verwijzer', json_strip_nulls(json_build_object('type', z.verwijzer_type, " \
	"  'agb', z.verwijzer_agb, 'org', z.verwijzer_org, 'naam', z.verwijzer_naam, " \
	"  'specialisme', z.verwijzer_specialisme, " \
	"  'reden', z.verwijzing_reden)), " \
	"'productcategorie', z.productcategorie, 'aanbieder_agb', z.aanbieder_agb, " \
	"'mandaat', CASE WHEN z.route = 'mandaat' THEN json_build_object('maatregel', " \
	"  z.maatregel, 'uitspraakdatum', to_char(z.uitspraakdatum, 'YYYY-MM-DD'), " \
	"  'kenmerk', z.kenmerk, 'juridische_status', z.juridische_status, 'omvang', z.omvang) END, " \
	"'toestemming_gegevensdeling', z.toestemming_gegevensdeling, " \
	"'overdracht', CASE WHEN z.route = 'overdracht' THEN json_build_object('reden', " \
	"  z.verwijzing_reden, 'geprobeerd', z.geprobeerd, 'team', z.team) END, " \
	"'andere_domeinen', z.andere_domeinen, " \
	"'behandelende_gemeente', z.behandelende_gemeente, 'buiten_regio', z.buiten_regio, " \
	"'doorzending', CASE WHEN z.buiten_regio AND z.status <> 'doorgezonden' " \
	"  THEN json_build_object('aangeboden', true, 'naar', z.verantwoordelijke_gemeente, " \
	"  'reden', " ZK_WJ759_8 ") WHEN z.doorgezonden_naar IS NOT NULL " \
	"  THEN json_build_object('aangeboden', false, 'naar', z.doorgezonden_naar, " \
	"  'reden', " ZK_WJ759_8 ") END, " \
	"'toewijzingen', (SELECT COALESCE(json_agg(json_build_object('nummer', t.nummer, " \
	"  'omschrijving', t.omschrijving, 'productcategorie', t.productcategorie, " \
	"  'aanbieder_agb', t.aanbieder_agb, 'vorm', t.vorm, " \
	"  'ingangsdatum', to_char(t.ingangsdatum, 'YYYY-MM-DD'), " \
	"  'einddatum', to_char(t.einddatum, 'YYYY-MM-DD'), 'omvang', t.omvang, " \
	"  'productcode', t.productcode, 'pgb', t.pgb, 'budget', t.budget, " \
	"  'gestart_op', to_char(t.gestart_op, 'YYYY-MM-DD'), " \
	"  'jw301', (SELECT json_build_object('identificatie', b.identificatie, 'dagtekening', " \
	"  to_char(b.dagtekening, 'YYYY-MM-DD'), 'href', '/api/v1/zaken/' || z.id || '/toewijzingen/' " \
	"  || t.nummer || '/jw301') FROM ijw_bericht b WHERE b.zaak_id = z.id AND b.richting = 'uit' " \
	"  AND t.nummer = ANY (b.toewijzingen) ORDER BY b.id DESC LIMIT 1)) ORDER BY t.nummer), '[]'::json) " \
	"  FROM toewijzing t WHERE t.zaak_id = z.id), " \
	/* iJw WJ759 code 6, for the CJG only (the function returns nothing to others). */ \
	"'waarschuwingen', CASE WHEN $2 = 'cjg' THEN (SELECT COALESCE(json_agg(json_build_object(" \
	"  'code', 'stapeling', 'wj759', '6', 'productcategorie', s.productcategorie, " \
	"  'ingangsdatum', to_char(s.ingangsdatum, 'YYYY-MM-DD'), 'einddatum', " \
	"  to_char(s.einddatum, 'YYYY-MM-DD'), 'toewijzingen', s.toewijzingen, 'toelichting', " \
	"  'De jeugdige heeft al een lopende toewijzing in deze productcategorie bij een andere " \
	"aanbieder (stapeling, iJw WJ759 code 6): beoordeel of deze hulp ernaast past.') " \
	"  ORDER BY s.productcategorie), '[]'::json) FROM stapeling(z.id) s) END, " \
	"'gezin', json_build_object('id', z.gezin_id, " \
	"  'zaken', (SELECT json_agg(json_build_object('id', o.id, 'referentie', o.referentie, " \
	"  'route', o.route, 'status', o.status) ORDER BY o.aangemaakt, o.id) FROM (SELECT o.* " \
	"  FROM zaak o WHERE o.gezin_id = z.gezin_id AND " ZK_VISIBLE_AS("o", "$2", "$3") " " \
	"  ORDER BY o.aangemaakt DESC, o.id DESC LIMIT " ZK_GEZIN_ZAKEN_MAX ") o), " \
	"  'casusregisseur', " ZK_REGISSEUR("z.gezin_id") ", " \
	"  'gezinsplan', (SELECT json_build_object('versie', count(*), 'vastgesteld', " \
	"  " ZK_TIMESTAMP("max(p.tijdstip)") ") FROM gezinsplan p WHERE p.gezin_id = z.gezin_id " \
	"  HAVING count(*) > 0)), " \
	/* Bijlage Gebruikelijke hulp: the child's age band, for the gezinsplan. */ \
	"'gebruikelijke_hulp', (SELECT json_build_object('leeftijd', a.leeftijd, " \
	"  'omschrijving', g.omschrijving, 'richtlijn', g.richtlijn, 'bron', g.bron) " \
	"  FROM (SELECT date_part('year', age(" ZK_NL_DATE("now()") ", b.geboortedatum))::integer " \
	"  AS leeftijd FROM betrokkene b WHERE b.zaak_id = z.id AND b.rol = 'jeugdige') a " \
	"  JOIN gebruikelijke_hulp g ON a.leeftijd >= g.leeftijd_van AND a.leeftijd < g.leeftijd_tot " \
	"  AND g.geldig_van <= " ZK_NL_DATE("now()") " AND (g.geldig_tot IS NULL OR g.geldig_tot > " \
	ZK_NL_DATE("now()") ") LIMIT 1), " \
	"'aangemaakt', " ZK_TIMESTAMP("z.aangemaakt") ", " \
	"'uitleg', (SELECT json_build_object('wat', u.uitleg, 'vervolg', " \
	"  replace(replace(u.vervolg, '{verslag}', COALESCE((SELECT to_char(t.datum, 'DD-MM-YYYY') " \
	"  FROM zaak_termijn t WHERE t.zaak_id = z.id AND t.naam = 'verslag'), 'zo snel mogelijk')), " \
	"  '{beschikking}', COALESCE((SELECT to_char(t.datum, 'DD-MM-YYYY') FROM zaak_termijn t " \
	"  WHERE t.zaak_id = z.id AND t.naam = 'beschikking'), 'zo snel mogelijk'))) " \
	"  FROM status_uitleg u WHERE u.status = z.status), " \
	"'statushistorie', (SELECT json_agg(json_build_object('status', s.status, 'tijdstip', " \
	"  " ZK_TIMESTAMP("s.tijdstip") ", 'toelichting', s.toelichting, 'door', s.actor_rol, " \
	"  'actie', s.actie, 'uitleg', (SELECT u.uitleg FROM status_uitleg u WHERE u.status = s.status), " \
	"  'gegevens', CASE WHEN $2::text IN ('cjg', 'beheerder') THEN s.gegevens END) " \
	"  ORDER BY s.id) FROM zaak_status s WHERE s.zaak_id = z.id), " \
	"'termijnen', (SELECT COALESCE(json_object_agg(t.naam, to_char(t.datum, 'YYYY-MM-DD') " \
	"  ORDER BY t.naam), '{}'::json) FROM zaak_termijn t WHERE t.zaak_id = z.id)" \
	")::text, " \
	"(SELECT b.bsn FROM betrokkene b WHERE b.zaak_id = z.id AND b.rol = 'jeugdige') " \
	"FROM zaak z WHERE z.id = $1::uuid AND " ZK_VISIBLE("$2", "$3")

/*
 * The list, once per kind of caller, so that each narrows by its own index
 * (a CASE over the role, as in ZK_VISIBLE, would leave the planner a
 * sequential scan once the plan is generic). Each still names the roles it
 * serves: the identity kind alone does not decide (an aanbieder has an AGB
 * code too, yet sees no referrals).
 * $1 role, $2 identity, $3 status, $4 route, $5 cursor (microseconds since
 * the epoch), $6 cursor id, $7 limit -> id, summary JSON, jeugdige BSN, cursor
 */
#define ZK_SQL_LIST(WHO) \
	"SELECT z.id, json_build_object('id', z.id, 'referentie', z.referentie, " \
	"'route', z.route, 'status', z.status, " \
	"'verantwoordelijke_gemeente', z.verantwoordelijke_gemeente, " \
	"'woonplaats_te_bepalen', z.woonplaats_te_bepalen, 'spoed', z.spoed, " \
	"'buiten_regio', z.buiten_regio, " \
	"'aangemaakt', " ZK_TIMESTAMP("z.aangemaakt") ", " \
	"'jeugdige', json_build_object('naam', j.naam, " \
	"  'geboortedatum', to_char(j.geboortedatum, 'YYYY-MM-DD')), " \
	"'termijn', (SELECT json_build_object('naam', t.naam, 'datum', to_char(t.datum, 'YYYY-MM-DD')) " \
	"  FROM zaak_termijn t WHERE t.zaak_id = z.id ORDER BY t.datum, t.naam LIMIT 1))::text, j.bsn, " \
	"((extract(epoch FROM z.aangemaakt) * 1000000)::bigint)::text || '.' || z.id::text " \
	"FROM zaak z JOIN betrokkene j ON j.zaak_id = z.id AND j.rol = 'jeugdige' " \
	"WHERE " WHO " " \
	"AND ($3::text IS NULL OR z.status = $3::text) AND ($4::text IS NULL OR z.route = $4::text) " \
	"AND ($5::bigint IS NULL OR (z.aangemaakt, z.id) < " \
	"  ('epoch'::timestamptz + $5::bigint * interval '1 microsecond', $6::uuid)) " \
	"ORDER BY z.aangemaakt DESC, z.id DESC LIMIT $7::int"

/* A person's zaken through the index on betrokkene.bsn: = is leakproof, so
 * row-level security lets it use the index, where partij_bsn @> (not
 * leakproof) scanned every zaak (412 ms for a parent's list at one million). */
#define ZK_WHO_BSN \
	"$1::text IN ('ouder', 'jeugdige') AND z.id IN (SELECT b.zaak_id FROM betrokkene b " \
	"WHERE b.bsn = $2::bpchar) AND z.partij_bsn @> ARRAY[$2::text]"
#define ZK_WHO_AGB \
	"$1::text IN ('huisarts', 'jeugdarts', 'medisch_specialist') AND z.verwijzer_agb = $2::bpchar"
#define ZK_WHO_AANBIEDER \
	"$1::text = 'aanbieder' AND z.aanbieder_agbs @> ARRAY[$2::text]"
#define ZK_WHO_ORG \
	"$1::text IN ('gi', 'rechter', 'om', 'jji') AND z.verwijzer_org = $2::text"
#define ZK_WHO_GEMEENTE \
	"$1::text IN ('cjg', 'plein', 'gst', 'beheerder') " \
	"AND z.behandelende_gemeente = $2::bpchar"

/* $1 id, $2 role, $3 identity, $4 event (termijnregel.gebeurtenis, may be
 * NULL), $5 the gemeente whose rules apply (NULL: the zaak's)
 * -> status, route, spoed, gemeente, termijnen {naam: datum}, the deadline
 * rules of the event ([{naam, aantal, eenheid, grondslag}]), maatregel,
 * buiten_regio, behandelende gemeente, versions of the gezin's plan,
 * toewijzingen [{nummer, ingangsdatum, gestart_op}]; the row locked. */
#define ZK_SQL_ACTION_LOAD \
	"SELECT z.status, z.route, z.spoed::text, z.verantwoordelijke_gemeente::text, " \
	"(SELECT COALESCE(json_object_agg(t.naam, to_char(t.datum, 'YYYY-MM-DD')), '{}'::json) " \
	"  FROM zaak_termijn t WHERE t.zaak_id = z.id)::text, " \
	"(SELECT COALESCE(json_agg(json_build_object('naam', r.naam, 'aantal', r.aantal, " \
	"  'eenheid', r.eenheid, 'grondslag', r.grondslag)), '[]'::json) FROM (" \
	"  SELECT DISTINCT ON (r.naam) r.* FROM termijnregel r WHERE r.gebeurtenis = $4::text " \
	"  AND (r.route IS NULL OR r.route = z.route) " \
	"  AND (r.gemeente IS NULL OR r.gemeente = COALESCE($5::bpchar, z.verantwoordelijke_gemeente)) " \
	"  AND (NOT r.alleen_spoed OR z.spoed) " \
	"  AND r.geldig_van <= " ZK_NL_DATE("now()") \
	"  AND (r.geldig_tot IS NULL OR r.geldig_tot > " ZK_NL_DATE("now()") ") " \
	"  ORDER BY r.naam, r.gemeente IS NULL, r.route IS NULL, r.geldig_van DESC) r)::text, " \
	"z.maatregel, z.buiten_regio::text, z.behandelende_gemeente::text, " \
	"(SELECT count(*) FROM gezinsplan p WHERE p.gezin_id = z.gezin_id)::text, " \
	"(SELECT COALESCE(json_agg(json_build_object('nummer', w.nummer, 'ingangsdatum', " \
	"  to_char(w.ingangsdatum, 'YYYY-MM-DD'), 'gestart_op', to_char(w.gestart_op, 'YYYY-MM-DD'))), " \
	"  '[]'::json) FROM toewijzing w WHERE w.zaak_id = z.id)::text " \
	"FROM zaak z WHERE z.id = $1::uuid AND " ZK_VISIBLE("$2", "$3") " FOR UPDATE OF z"

/* $1 id, $2 new status, $3 toelichting, $4 role, $5 identity, $6 action,
 * $7 gegevens (jsonb), $8 deadlines ended (text[]), $9 deadlines set (jsonb
 * [{naam, datum, grondslag}]), $10 woonplaats vastgesteld, $11 a new version
 * of the gezin's plan (jsonb or NULL), $12 toewijzingen to make (jsonb
 * [{omschrijving, productcategorie, aanbieder_agb, vorm, ingangsdatum,
 * einddatum, omvang, productcode, berekening (a PGB's calculated line)}] or NULL), $13 start of a toewijzing (jsonb {nummer,
 * datum} or NULL), $14 gemeente outside the region it was forwarded to
 * -> 1 when done. */
#define ZK_SQL_ACTION_APPLY \
	"WITH u AS (UPDATE zaak SET status = $2, woonplaats_te_bepalen = " \
	"  CASE WHEN $10::boolean THEN false ELSE woonplaats_te_bepalen END, " \
	"  doorgezonden_naar = COALESCE($14::bpchar, doorgezonden_naar), " \
	"  aanbieder_agbs = ARRAY(SELECT DISTINCT a FROM unnest(aanbieder_agbs || ARRAY(" \
	"  SELECT x->>'aanbieder_agb' FROM jsonb_array_elements(COALESCE($12::jsonb, '[]')) AS x " \
	"  WHERE x->>'aanbieder_agb' IS NOT NULL)) AS a ORDER BY 1) " \
	"  WHERE id = $1::uuid RETURNING id, gezin_id), " \
	"s AS (INSERT INTO zaak_status (zaak_id, status, tijdstip, toelichting, actor_rol, actor, " \
	"  actie, gegevens) SELECT u.id, $2, clock_timestamp(), $3, $4, $5, $6, $7::jsonb FROM u), " \
	"n AS (SELECT x.naam, x.datum, x.grondslag FROM jsonb_to_recordset($9::jsonb) " \
	"  AS x (naam text, datum date, grondslag text)), " \
	"d AS (DELETE FROM zaak_termijn t USING u WHERE t.zaak_id = u.id " \
	"  AND t.naam = ANY ($8::text[]) AND t.naam NOT IN (SELECT naam FROM n)), " \
	"i AS (INSERT INTO zaak_termijn (zaak_id, naam, datum, grondslag) " \
	"  SELECT u.id, n.naam, n.datum, n.grondslag FROM u, n " \
	"  ON CONFLICT (zaak_id, naam) DO UPDATE SET datum = EXCLUDED.datum, " \
	"  grondslag = EXCLUDED.grondslag), " \
	"gp AS (INSERT INTO gezinsplan (gezin_id, zaak_id, actor_rol, actor, gegevens) " \
	"  SELECT u.gezin_id, u.id, $4, $5, $11::jsonb FROM u WHERE $11::jsonb IS NOT NULL), " \
	"tw AS (INSERT INTO toewijzing (zaak_id, omschrijving, productcategorie, aanbieder_agb, " \
	"  vorm, ingangsdatum, einddatum, omvang, productcode, pgb, budget) SELECT u.id, " \
	"  x.omschrijving, x.productcategorie, x.aanbieder_agb, x.vorm, x.ingangsdatum, x.einddatum, " \
	"  x.omvang, x.productcode, x.berekening, COALESCE((x.berekening->>'bedrag')::numeric, x.budget) " \
	"  FROM u, jsonb_to_recordset($12::jsonb) AS x (omschrijving text, productcategorie text, " \
	"  aanbieder_agb text, vorm text, ingangsdatum date, einddatum date, omvang jsonb, " \
	"  productcode text, berekening jsonb, budget numeric)), " \
	"sz AS (UPDATE toewijzing w SET gestart_op = ($13::jsonb->>'datum')::date FROM u " \
	"  WHERE w.zaak_id = u.id AND w.nummer = ($13::jsonb->>'nummer')::integer) " \
	"SELECT count(*) FROM u"

/* $1 id, $2 gemeente, $3 toelichting, $4 gegevens (jsonb), $5 deadlines of
 * receipt there (jsonb) -> 1 when moved (sql/008_regio.sql). */
#define ZK_SQL_ACTION_MOVE \
	"SELECT zaak_doorzenden_binnen_regio($1::uuid, $2::bpchar, $3, $4::jsonb, $5::jsonb)"

/* $1 gemeente, $2 role -> the open zaken with their nearest deadline, nearest first. */
#define ZK_SQL_WERKVOORRAAD \
	"SELECT z.id, z.referentie, z.route, z.status, z.spoed, " ZK_TIMESTAMP("z.aangemaakt") ", " \
	"t.naam, to_char(t.datum, 'YYYY-MM-DD'), j.bsn, z.woonplaats_te_bepalen, z.buiten_regio, " \
	"z.verantwoordelijke_gemeente, z.gezin_id " \
	"FROM zaak z JOIN betrokkene j ON j.zaak_id = z.id AND j.rol = 'jeugdige' " \
	"LEFT JOIN LATERAL (SELECT t.naam, t.datum FROM zaak_termijn t WHERE t.zaak_id = z.id " \
	"  ORDER BY t.datum, t.naam LIMIT 1) t ON true " \
	"WHERE $2::text = 'cjg' AND z.behandelende_gemeente = $1::bpchar " \
	"AND z.status NOT IN ('toegekend', 'gedeeltelijk_toegekend', 'afgewezen', 'ingetrokken', " \
	"  'doorgezonden') " \
	"ORDER BY t.datum NULLS LAST, z.spoed DESC, z.aangemaakt, z.id LIMIT 500"

/* $1 names (jsonb array of text) -> each name with its list (positief,
 * negatief, or NULL when on neither), as valid today. */
#define ZK_SQL_GGZ \
	"SELECT x.naam, i.lijst FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS x (naam, nr) " \
	"LEFT JOIN LATERAL (SELECT g.lijst FROM ggz_interventie g WHERE lower(g.naam) = lower(x.naam) " \
	"  AND g.geldig_van <= " ZK_NL_DATE("now()") \
	"  AND (g.geldig_tot IS NULL OR g.geldig_tot > " ZK_NL_DATE("now()") ") " \
	"  ORDER BY g.geldig_van DESC LIMIT 1) i ON true ORDER BY x.nr"

/* $1 id -> who looked (tijdstip, rol, wie, actie) for the family, newest first. */
#define ZK_SQL_INZAGE \
	"SELECT " ZK_TIMESTAMP("i.tijdstip") ", i.rol, i.wie, i.actie FROM zaak_inzage($1::uuid) AS i"

/*
 * $1 zaak id -> per provider, the JW301 (jw301.h) for the zaak's toewijzingen
 * that name it and that no message carries yet, with a new identificatie;
 * "nummers" lists the toewijzingen. A PGB goes as a budget (aspecifiek: the
 * category, no code, no volume); natura as its volume or its budget.
 */
#define ZK_SQL_JW301_DATA \
	"SELECT json_build_object('afzender', z.verantwoordelijke_gemeente, " \
	"  'ontvanger', w.aanbieder_agb, 'identificatie', nextval('ijw_bericht_nummer_seq')::text, " \
	"  'dagtekening', to_char(" ZK_NL_DATE("now()") ", 'YYYY-MM-DD'), " \
	"  'client', json_build_object('bsn', j.bsn, 'geboortedatum', " \
	"  to_char(j.geboortedatum, 'YYYY-MM-DD'), 'geslacht', COALESCE(j.geslacht, '0'), " \
	"  'naam', j.naam, 'juridische_status', z.juridische_status, " \
	"  'wettelijke_vertegenwoordiging', CASE WHEN z.maatregel = 'voogdij' THEN '06' END, " \
	"  'relaties', (SELECT json_agg(json_build_object('nummer', (g.volgorde + 1)::text, " \
	"  'soort', CASE WHEN z.maatregel = 'voogdij' THEN '11' ELSE '10' END, 'naam', g.naam) " \
	"  ORDER BY g.volgorde) FROM betrokkene g WHERE g.zaak_id = z.id AND g.rol = 'gezaghebbende')), " \
	"  'producten', json_agg(json_build_object('nummer', w.nummer, 'categorie', w.productcategorie, " \
	"  'code', CASE WHEN w.vorm = 'natura' AND w.omvang IS NOT NULL THEN w.productcode END, " \
	"  'toewijzingsdatum', to_char(w.aangemaakt AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'), " \
	"  'toewijzingstijd', to_char(w.aangemaakt AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI:SS'), " \
	"  'ingangsdatum', to_char(w.ingangsdatum, 'YYYY-MM-DD'), " \
	"  'einddatum', to_char(w.einddatum, 'YYYY-MM-DD'), " \
	"  'omvang', CASE WHEN w.vorm = 'natura' THEN w.omvang END, " \
	"  'budget', CASE WHEN w.vorm = 'pgb' OR w.omvang IS NULL THEN round(w.budget * 100)::bigint END) " \
	"  ORDER BY w.nummer), 'nummers', json_agg(w.nummer ORDER BY w.nummer))::text " \
	"FROM zaak z JOIN betrokkene j ON j.zaak_id = z.id AND j.rol = 'jeugdige' " \
	"JOIN toewijzing w ON w.zaak_id = z.id AND w.aanbieder_agb IS NOT NULL " \
	"WHERE z.id = $1::uuid AND NOT EXISTS (SELECT 1 FROM ijw_bericht b WHERE b.zaak_id = z.id " \
	"  AND b.richting = 'uit' AND w.nummer = ANY (b.toewijzingen)) " \
	"GROUP BY z.id, j.bsn, j.geboortedatum, j.geslacht, j.naam, w.aanbieder_agb " \
	"ORDER BY w.aanbieder_agb"

/* $1 zaak id, $2 [{gemeente, aanbieder, identificatie, dagtekening, nummers, xml}] -> INSERT n */
#define ZK_SQL_JW301_INSERT \
	"INSERT INTO ijw_bericht (zaak_id, berichtcode, richting, gemeente, aanbieder_agb, " \
	"  identificatie, dagtekening, toewijzingen, xml) " \
	"SELECT $1::uuid, '436', 'uit', x.gemeente, x.aanbieder, x.identificatie, x.dagtekening, " \
	"  ARRAY(SELECT jsonb_array_elements_text(x.nummers)::integer), x.xml " \
	"FROM jsonb_to_recordset($2::jsonb) AS x (gemeente text, aanbieder text, identificatie text, " \
	"  dagtekening date, nummers jsonb, xml text)"

#endif
