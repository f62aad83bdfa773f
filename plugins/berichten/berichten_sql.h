/* The statements of the berichten plugin (sql/012_ijw.sql). */
#ifndef TOEGANG_BERICHTEN_SQL_H
#define TOEGANG_BERICHTEN_SQL_H

/* $1 zaak id, $2 toewijzing nummer, $3 role, $4 identity -> the newest JW301
 * that carries it (as the caller may see it), the jeugdige's BSN (access log). */
#define BR_SQL_JW301_GET \
	"SELECT b.xml, (SELECT j.bsn FROM betrokkene j WHERE j.zaak_id = b.zaak_id " \
	"  AND j.rol = 'jeugdige') FROM ijw_bericht b " \
	"WHERE b.zaak_id = $1::uuid AND b.richting = 'uit' AND $2::integer = ANY (b.toewijzingen) " \
	"AND ($3::text <> 'aanbieder' OR b.aanbieder_agb = $4::bpchar) " \
	"AND EXISTS (SELECT 1 FROM zaak z WHERE z.id = b.zaak_id) " \
	"ORDER BY b.id DESC LIMIT 1"

/* $1 zaak id, $2 gemeente (Ontvanger), $3 AGB (Afzender), $4 identificatie,
 * $5 dagtekening, $6 the message as received -> INSERT 1 */
#define BR_SQL_JW315_STORE \
	"INSERT INTO ijw_bericht (zaak_id, berichtcode, richting, gemeente, aanbieder_agb, " \
	"  identificatie, dagtekening, xml) VALUES ($1::uuid, '446', 'in', $2, $3, $4, $5::date, $6)"

#endif
