/*
 * The woonplaatsbeginsel from a BRP answer (Haal Centraal BRP Personen v2,
 * RaadpleegMetBurgerservicenummer with gezag and gemeenteVanInschrijving).
 *
 * Jeugdwet art. 1.1 (as the Nadere regels apply it): the responsible
 * gemeente is where the parent with gezag lives. The mapping proposes a
 * gemeente only where the BRP makes it unambiguous; everything else is
 * "needs a person" with the reason, for the CJG to settle by hand:
 *   EenhoofdigOuderlijkGezag       the ouder's gemeente van inschrijving
 *   GezamenlijkOuderlijkGezag,     both in one gemeente: that one; in two:
 *   GezamenlijkGezag (ouder+derde) the child's, when it is one of the two
 *   Voogdij                        a voogd known as a person: theirs; no
 *                                  voogd person (an instelling): the child's
 *   TijdelijkGeenGezag, GezagNietTeBepalen, gezag in onderzoek, no gezag,
 *   a gezaghebbende without BSN or gemeente     needs a person
 * Two BRP calls: the child (gezag), then the gezaghebbenden it names.
 */
#ifndef TOEGANG_BRP_GEZAG_H
#define TOEGANG_BRP_GEZAG_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#define BRP_MAX_GEZAGHEBBENDEN 2

typedef struct brp_uitkomst {
	bool voorstel;        /* gemeente holds the proposal */
	char gemeente[5];
	const char *grond;    /* the BRP gezag type, or NULL */
	const char *reden;    /* one Dutch sentence, without personal data */
} brp_uitkomst;

/* The persoon with burgerservicenummer bsn in a personen answer, or NULL. */
const json_t *brp_persoon(const json_t *answer, const char *bsn);

/*
 * The BSNs of the gezaghebbenden the child's gezag names (to look up next),
 * into bsns; returns how many (0: nothing to look up).
 */
size_t brp_gezaghebbenden(const json_t *kind, char bsns[BRP_MAX_GEZAGHEBBENDEN][10]);

/*
 * The outcome for kind (a persoon, or NULL when the BRP does not know the
 * BSN) given the second answer (personen of the gezaghebbenden, or NULL).
 */
void brp_woonplaats(const json_t *kind, const json_t *gezaghebbenden, brp_uitkomst *out);

#endif
