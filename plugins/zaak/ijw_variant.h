/*
 * The toewijzingsvarianten of iJw 3.2 (inspanningsgericht and
 * outputgericht): which combinations of product category, product code,
 * volume (eenheid WJ756, frequentie WMO757), budget and end date a
 * toewijzing, or a verzoek om toewijzing, may carry. One table and one
 * check, for the beschikking's products (JSON paths) and for the products a
 * JW315 asks for (element paths) alike.
 */
#ifndef TOEGANG_ZAAK_IJW_VARIANT_H
#define TOEGANG_ZAAK_IJW_VARIANT_H

#include <stdbool.h>

#include <jansson.h>

/* iJw LDT_Budget: eurocent, at most 99 999 999. */
#define ZK_IJW_BUDGET_MAX 99999999LL

/* A product as the message carries it (NULL: absent). */
typedef struct zk_variant {
	const char *categorie, *code, *einddatum;
	const char *eenheid, *frequentie;   /* both set when there is an Omvang */
	bool budget;
} zk_variant;

/* Where each part is named in the answer (invalid-params names). */
typedef struct zk_variant_names {
	const char *categorie, *code, *einddatum, *frequentie, *budget;
} zk_variant_names;

/* Appends one entry per broken rule to invalid; returns how many. */
int zk_variant_check(const zk_variant *v, const zk_variant_names *names, json_t *invalid);

#endif
