#include "csv_split.h"

#include <string.h>

int tg_csv_split(char *line, char sep, char **fields, int max)
{
	int n = 0;
	char *p = line;
	for (;;) {
		char *out = p;
		if (n > max)
			return n;
		fields[n++] = p;
		if (*p == '"') {
			char *q = p + 1;
			for (;;) {
				if (*q == '\0')
					return -1;
				if (*q == '"' && q[1] == '"') {
					*out++ = '"';
					q += 2;
				} else if (*q == '"') {
					q++;
					break;
				} else {
					*out++ = *q++;
				}
			}
			if (*q != sep && *q != '\0')
				return -1;
			*out = '\0';
			if (*q == '\0')
				return n;
			p = q + 1;
		} else {
			char *e = strchr(p, sep);
			if (!e)
				return n;
			*e = '\0';
			p = e + 1;
		}
	}
}
