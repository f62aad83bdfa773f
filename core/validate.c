/* Identifier validators; see validate.h. */
#include "validate.h"

#include <string.h>

bool tg_is_digits(const char *s, size_t n)
{
	size_t i;
	if (!s)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[n] == '\0';
}

bool tg_valid_bsn(const char *s)
{
	int sum = 0;
	bool nonzero = false;
	if (!tg_is_digits(s, 9))
		return false;
	for (int i = 0; i < 8; i++) {
		sum += (9 - i) * (s[i] - '0');
		nonzero |= s[i] != '0';
	}
	sum -= s[8] - '0';
	return nonzero && sum % 11 == 0;
}

bool tg_valid_agb(const char *s) { return tg_is_digits(s, 8); }

bool tg_valid_gemeentecode_form(const char *s) { return tg_is_digits(s, 4); }

bool tg_valid_org(const char *s)
{
	size_t n;
	if (!s)
		return false;
	n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

bool tg_valid_visible_ascii(const char *s, size_t max)
{
	size_t n;
	if (!s)
		return false;
	n = strlen(s);
	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
			return false;
	return true;
}
