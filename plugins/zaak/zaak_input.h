/*
 * The body every create call shares (API.md "Creating a zaak") and the rules
 * that span fields: the age of the jeugdige, distinct persons, and the
 * verantwoordelijke gemeente by the woonplaatsbeginsel.
 *
 * Age rule: the Jeugdwet (art. 1.1, "jeugdige") covers persons under 18,
 * and up to 23 where jeugdhulp that began before 18 (or was decided on
 * before then) is continued. A referral for someone of 18 to 22 is accepted
 * only when it says so ("voortzetting": true); from 23 it is refused. The
 * age is taken on the day of receipt, in the Dutch calendar.
 */
#ifndef TOEGANG_ZAAK_INPUT_H
#define TOEGANG_ZAAK_INPUT_H

#include <stdbool.h>

#include <jansson.h>

#include "codelijst.h"
#include "fields.h"

#define ZK_MAX_GEZAGHEBBENDEN 4
#define ZK_ADULT_AGE 18
#define ZK_CONTINUATION_LIMIT 23

typedef struct zk_persoon {
	const char *bsn;
	const char *naam;
	const char *geboortedatum;  /* jeugdige only */
	const char *gemeente;       /* gezaghebbenden only */
	const char *geslacht;       /* jeugdige only: iJw COD046, NULL when not given */
} zk_persoon;

/* A validated body; every string is borrowed from the JSON body. */
typedef struct zk_zaak_input {
	zk_persoon jeugdige;
	zk_persoon gezaghebbenden[ZK_MAX_GEZAGHEBBENDEN];
	size_t ngezaghebbenden;
	const char *hulpvraag;
	bool spoed;
	bool voortzetting;
	/* route extras (NULL when absent) */
	const char *specialisme;
	const char *reden;              /* of a verwijzing or an overdracht */
	const char *productcategorie;
	const char *aanbieder_agb;
	const char *maatregel;          /* mandaat */
	const char *uitspraakdatum;     /* mandaat */
	const char *kenmerk;            /* mandaat */
	const json_t *andere_domeinen;  /* melding (3.1.1), borrowed; NULL when absent */
	const json_t *omvang;           /* mandaat: {volume, eenheid, frequentie}; borrowed */
	const json_t *geprobeerd;       /* overdracht: what the team tried; borrowed */
	const json_t *team;             /* overdracht: the team and its contact; borrowed */
	const char *juridische_status;  /* mandaat: iJw WJ232 code, NULL when none applies */
	/* A JW315 names its referrer (CDT_Verwijzer); NULL: the caller is the verwijzer. */
	bool verwijzer_gegeven;         /* set: use these two (either may be NULL), not the caller */
	const char *verwijzer_agb;
	const char *verwijzer_naam;
	bool has_toestemming;           /* overdracht: the member was sent */
	bool toestemming_gegevensdeling; /* overdracht: always true once valid */
	/* derived */
	const char *verantwoordelijke_gemeente;
	bool woonplaats_te_bepalen;
	/* set by the create, from the region (zk_regio_*): whose CJG has it */
	const char *behandelende_gemeente;
	bool buiten_regio;
} zk_zaak_input;

/* The code lists the tables refer to; loaded once by zk_codelijsten_load. */
extern zk_codelijst zk_gemeenten;
extern zk_codelijst zk_productcategorieen;

/* Loads CBS_Gemeentecodes.md and JZ020_Productcategorie.md from dir. */
int zk_codelijsten_load(const char *dir, char *err, size_t errlen);
void zk_codelijsten_free(void);

/* The common create body, and what each route adds to it (API.md). */
extern const zk_field zk_zaak_fields[];
extern const zk_field zk_verwijzing_fields[];
extern const zk_field zk_mandaat_fields[];
extern const zk_field zk_melding_fields[];
extern const zk_field zk_overdracht_fields[];
/* A volume: {volume, eenheid (iJw WJ756), frequentie (WMO757)}. */
extern const zk_field zk_omvang_fields[];

/* The iJw WJ232 juridische status a maatregel maps to, or NULL. */
const char *zk_juridische_status(const char *maatregel);

/*
 * Validates body against the common table plus extra (may be NULL) and the
 * cross-field rules, as of today. Fills *out and returns 0, or appends to
 * invalid and returns -1.
 */
int zk_zaak_input_parse(const json_t *body, const zk_field *extra, const zk_date *today,
    zk_zaak_input *out, json_t *invalid);

#endif
