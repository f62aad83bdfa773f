/* One CSV line split into fields, as the productenboek and the VNG list are written. */
#ifndef TOEGANG_CSV_SPLIT_H
#define TOEGANG_CSV_SPLIT_H

/*
 * Splits line (no newline) into fields in place, at sep; a field may be
 * quoted ("..." with "" for a quote) and loses its quotes. fields has room
 * for max + 1 pointers. Returns the number of fields (max + 1 means "more
 * than max"), or -1 for an unclosed quote or text after a closing quote.
 */
int tg_csv_split(char *line, char sep, char **fields, int max);

#endif
