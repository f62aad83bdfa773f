/*
 * The JW315 verzoek om toewijzing (iJw 3.2, BerichtCode 446) a provider
 * sends: read from a document that passed the schema, checked against the
 * rules the schema cannot hold (the 11-proef, dates, the referral, the
 * toewijzingsvarianten), and turned into JSON:
 *
 *   {afzender, ontvanger, identificatie, dagtekening,
 *    client: {bsn, geboortedatum, geslacht, naam, gezagsdrager_bekend?, commentaar?},
 *    producten: [{referentie_aanbieder, categorie?, code?, beschikkingnummer?,
 *                 ingangsdatum, einddatum?, omvang {volume, eenheid, frequentie}?,
 *                 budget (eurocent)?, verwijzer {type, naam?, agb?},
 *                 raamcontract?, commentaar?}]}
 *
 * Problems are named by element path, as the schema's are.
 */
#ifndef TOEGANG_ZAAK_JW315_H
#define TOEGANG_ZAAK_JW315_H

#include <jansson.h>
#include <libxml/tree.h>

#include "fields.h"

/*
 * Reads doc as of today into a new *out; appends one {name, reason} per
 * broken rule to invalid and returns how many (0: *out is set), or -1 when
 * out of memory.
 */
long zk_jw315_read(xmlDocPtr doc, const zk_date *today, json_t **out, json_t *invalid);

#endif
