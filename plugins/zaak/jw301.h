/*
 * The JW301 toewijzingbericht (iJw 3.2, BerichtCode 436) a gemeente sends a
 * jeugdhulpaanbieder: one client and the products allocated to it. Made
 * from a JSON description (as the statement in zaak_sql.h returns it):
 *
 *   {afzender (gemeente), ontvanger (AGB), identificatie, dagtekening,
 *    client: {bsn, geboortedatum, geslacht, naam, juridische_status?,
 *             wettelijke_vertegenwoordiging?,
 *             relaties: [{nummer, soort, naam}]?},
 *    producten: [{nummer, categorie?, code?, toewijzingsdatum, toewijzingstijd,
 *                 ingangsdatum, einddatum?, omvang {volume, eenheid, frequentie}?,
 *                 budget (eurocent)?}]}
 *
 * Names are one text in the zaak ("Sam de Vries"): the words before the
 * first Dutch tussenvoegsel are the Voornamen, the tussenvoegsels the
 * Voorvoegsel, the rest the Achternaam; without one, the last word is the
 * Achternaam.
 */
#ifndef TOEGANG_ZAAK_JW301_H
#define TOEGANG_ZAAK_JW301_H

#include <stddef.h>

#include <jansson.h>

/* The message as UTF-8 XML (malloc()ed, NUL-terminated, *len bytes), or NULL. */
char *zk_jw301_xml(const json_t *bericht, size_t *len);

/* A full name split as iJw CDT_VolledigeNaam wants it; borrowed parts of buf. */
typedef struct zk_naam_delen {
	const char *voornamen;   /* NULL when the name is one word */
	const char *voorvoegsel; /* NULL when none */
	const char *achternaam;
} zk_naam_delen;
void zk_naam_split(const char *naam, char *buf, size_t size, zk_naam_delen *out);

#endif
