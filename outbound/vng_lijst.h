/*
 * The VNG landelijke inkoop list as downloaded: providers under a national
 * VNG contract (Landelijk Transitiearrangement), as JSON or CSV.
 *
 *   JSON: {"aanbieders": [{"naam", "agb"?, "kvk"?, "functies": [...],
 *          "productcategorieen"?: [JZ020...], "ingangsdatum", "einddatum"?}]}
 *   CSV:  header naam,agb,kvk,functies,productcategorieen,ingangsdatum,einddatum
 *         (functies and productcategorieen separated by '|' within a field)
 *
 * The list is taken whole or not at all: one bad record refuses the file,
 * so a half-valid download can never replace a good copy.
 */
#ifndef TOEGANG_VNG_LIJST_H
#define TOEGANG_VNG_LIJST_H

#include <stddef.h>

#include <jansson.h>

#include "codelijst.h"

#define VNG_MAX_RECORDS 20000
#define VNG_MAX_INVALID 100

/*
 * Parses and checks body (len bytes; JSON or CSV by content_type, else by
 * its first character). Returns a new array of normalised records
 * {naam, agb|null, kvk|null, functies, productcategorieen, ingangsdatum,
 * einddatum|null} when the file holds at least one record and every record
 * is valid. Else NULL, with the problems appended to invalid as
 * {name, reason} (at most VNG_MAX_INVALID; *nbad counts them all) and a
 * summary in err. jz020 may be NULL (then any two digits pass).
 */
json_t *vng_lijst_parse(const char *body, size_t len, const char *content_type,
    const zk_codelijst *jz020, json_t *invalid, size_t *nbad, char *err, size_t errlen);

#endif
