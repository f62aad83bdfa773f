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

bool tg_valid_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}
