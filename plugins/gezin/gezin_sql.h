/* The statements of the gezin plugin (sql/006_gezin.sql). */
#ifndef TOEGANG_GEZIN_SQL_H
#define TOEGANG_GEZIN_SQL_H

#include "zaak_sql.h"

/* At most this many zaken of one gezin are shown (and logged). */
#define GZ_MAX_ZAKEN 200
#define GZ_STR(x) #x
#define GZ_XSTR(x) GZ_STR(x)

/* Who reads what the gezinsplan says: the CJG, and the family, who have the
 * regie over their plan (Nadere regels art. 2). */
#define GZ_PLAN_READERS "('cjg', 'beheerder', 'ouder', 'jeugdige')"

/* $1 gezin id, $2 role, $3 identity -> the gezin as JSON, and
 * [[zaak id, jeugdige BSN], ...] of the zaken shown (for the access log).
 * No row when the caller sees none of its zaken. */
#define GZ_SQL_READ \
	"WITH zk AS (SELECT z.id, z.referentie, z.route, z.status, z.aangemaakt, " \
	"  z.verantwoordelijke_gemeente, b.naam, b.geboortedatum, b.bsn FROM zaak z " \
	"  JOIN betrokkene b ON b.zaak_id = z.id AND b.rol = 'jeugdige' " \
	"  WHERE z.gezin_id = $1::uuid AND " ZK_VISIBLE("$2", "$3") " " \
	"  ORDER BY z.aangemaakt, z.id LIMIT " GZ_XSTR(GZ_MAX_ZAKEN) "), " \
	"pl AS (SELECT p.*, row_number() OVER (ORDER BY p.id) AS versie FROM gezinsplan p " \
	"  WHERE p.gezin_id = $1::uuid) " \
	"SELECT json_build_object('id', g.id, " \
	"'zaken', (SELECT json_agg(json_build_object('id', zk.id, 'referentie', zk.referentie, " \
	"  'route', zk.route, 'status', zk.status, 'verantwoordelijke_gemeente', " \
	"  zk.verantwoordelijke_gemeente, 'jeugdige', json_build_object('naam', zk.naam, " \
	"  'geboortedatum', to_char(zk.geboortedatum, 'YYYY-MM-DD')), " \
	"  'termijn', (SELECT json_build_object('naam', t.naam, 'datum', to_char(t.datum, 'YYYY-MM-DD')) " \
	"  FROM zaak_termijn t WHERE t.zaak_id = zk.id ORDER BY t.datum, t.naam LIMIT 1)) " \
	"  ORDER BY zk.aangemaakt, zk.id) FROM zk), " \
	"'casusregisseur', " ZK_REGISSEUR("g.id") ", " \
	"'casusregisseurs', CASE WHEN $2::text IN ('cjg', 'beheerder') THEN (SELECT COALESCE(json_agg(" \
	"  json_build_object('soort', r.soort, 'naam', r.naam, 'organisatie', r.organisatie, " \
	"  'vanaf', " ZK_TIMESTAMP("r.vanaf") ", 'door', r.actor_rol) ORDER BY r.id) " \
	"  , '[]'::json) FROM gezin_regisseur r WHERE r.gezin_id = g.id) END, " \
	"'gezinsplan', (SELECT json_build_object('versie', pl.versie, 'vastgesteld', " \
	"  " ZK_TIMESTAMP("pl.tijdstip") ", 'door', pl.actor_rol, " \
	"  'zaak', (SELECT zk.referentie FROM zk WHERE zk.id = pl.zaak_id), " \
	"  'inhoud', CASE WHEN $2::text IN " GZ_PLAN_READERS " THEN pl.gegevens END) " \
	"  FROM pl ORDER BY pl.versie DESC LIMIT 1), " \
	"'gezinsplan_versies', (SELECT COALESCE(json_agg(json_build_object('versie', pl.versie, " \
	"  'vastgesteld', " ZK_TIMESTAMP("pl.tijdstip") ", 'door', pl.actor_rol) ORDER BY pl.versie), " \
	"  '[]'::json) FROM pl))::text, " \
	"(SELECT json_agg(json_build_array(zk.id, zk.bsn)) FROM zk)::text " \
	"FROM gezin g WHERE g.id = $1::uuid AND EXISTS (SELECT 1 FROM zk)"

/* $1 gezin id, $2 role, $3 identity, $4 soort, $5 naam, $6 organisatie,
 * $7 telefoon, $8 email, $9 toelichting -> the new row's id; none when the
 * caller has no zaak of the gezin. */
#define GZ_SQL_REGISSEUR \
	"INSERT INTO gezin_regisseur (gezin_id, soort, naam, organisatie, telefoon, email, " \
	"  toelichting, actor_rol, actor) " \
	"SELECT g.id, $4, $5, $6, $7, $8, $9, $2, $3 FROM gezin g WHERE g.id = $1::uuid " \
	"AND EXISTS (SELECT 1 FROM zaak z WHERE z.gezin_id = g.id AND " ZK_VISIBLE("$2", "$3") ") " \
	"RETURNING id"

#endif
