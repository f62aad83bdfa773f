/* The region of the deployment; see regio.h. */
#include "regio.h"

#include <stdio.h>
#include <string.h>

static char codes[ZK_REGIO_MAX][5];
static size_t ncodes;
/* The codes as a PostgreSQL text[] literal, "{0050,0262}", made at load. */
static char array_text[ZK_REGIO_MAX * 5 + 3];

static void make_array_text(void)
{
	size_t at = 0;
	array_text[at++] = '{';
	for (size_t i = 0; i < ncodes; i++) {
		if (i)
			array_text[at++] = ',';
		memcpy(array_text + at, codes[i], 4);
		at += 4;
	}
	array_text[at++] = '}';
	array_text[at] = '\0';
}

int zk_regio_load(const char *list, const zk_codelijst *gemeenten, char *err, size_t errlen)
{
	const char *p = list ? list : "";
	ncodes = 0;
	while (*p) {
		size_t n;
		char code[5];
		while (*p == ' ' || *p == '\t')
			p++;
		n = strcspn(p, " \t");
		if (n == 0)
			break;
		if (n != 4 || ncodes == ZK_REGIO_MAX) {
			snprintf(err, errlen, "regio: %s", ncodes == ZK_REGIO_MAX ?
			    "too many gemeenten" : "each gemeente is a 4-digit CBS gemeentecode");
			ncodes = 0;
			return -1;
		}
		memcpy(code, p, 4);
		code[4] = '\0';
		if (!zk_codelijst_has(gemeenten, code)) {
			snprintf(err, errlen, "regio: %s is not a current CBS gemeentecode", code);
			ncodes = 0;
			return -1;
		}
		memcpy(codes[ncodes++], code, 5);
		p += n;
	}
	make_array_text();
	return 0;
}

bool zk_regio_lid(const char *gemeente)
{
	for (size_t i = 0; gemeente && i < ncodes; i++)
		if (strcmp(codes[i], gemeente) == 0)
			return true;
	return false;
}

bool zk_in_regio(const char *gemeente)
{
	return ncodes == 0 || zk_regio_lid(gemeente);
}

const char *zk_behandelende_gemeente(const char *verantwoordelijke, const char *eigen)
{
	if (zk_in_regio(verantwoordelijke))
		return verantwoordelijke;
	if (eigen && zk_in_regio(eigen))
		return eigen;
	return codes[0];
}

const char *zk_regio_array(void)
{
	return ncodes ? array_text : NULL;
}
