/*
 * From verified JWT claims to the caller: the role table of API.md (which
 * identity claim each role must carry) and the checks on those claims.
 */
#ifndef TOEGANG_PRINCIPAL_H
#define TOEGANG_PRINCIPAL_H

#include <jansson.h>
#include <stdbool.h>

#include <toegang/plugin.h>

/* The role by its API name, or -1. */
int tg_role_parse(const char *name);
const char *tg_role_name(tg_role role);
tg_identity_kind tg_role_identity(tg_role role);
const char *tg_identity_claim(tg_identity_kind kind);
/* Whether value is well-formed for the identity claim (AGB, org, BSN, gemeentecode). */
bool tg_identity_valid(tg_identity_kind kind, const char *value);

/*
 * Fills p from claims (borrowed; p's strings point into it, so claims must
 * outlive p). Returns 0, or -1 with a static, non-personal reason in *why:
 * missing or unknown role, missing identity claim, malformed identity
 * (an AGB that is not 8 digits, a BSN failing the 11-proef, ...).
 */
int tg_principal_from_claims(const json_t *claims, tg_principal *p, const char **why);

#endif
