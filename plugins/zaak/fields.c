/* The validation-table walker; see fields.h. */
#include "fields.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "validate.h"

void zk_invalid(json_t *invalid, const char *name, const char *reason)
{
	json_array_append_new(invalid, json_pack("{s:s, s:s}", "name", name, "reason", reason));
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* n digits at s (tg_is_digits wants them to end the string). */
static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool zk_date_parse(const char *s, zk_date *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	d->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	d->m = (s[5] - '0') * 10 + (s[6] - '0');
	d->d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d->y < 1900 || d->m < 1 || d->m > 12 || d->d < 1)
		return false;
	return d->d <= mdays[d->m - 1] + (d->m == 2 && leap(d->y));
}

int zk_date_cmp(const zk_date *a, const zk_date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

int zk_age_on(const zk_date *birth, const zk_date *on)
{
	int age = on->y - birth->y;
	if (on->m < birth->m || (on->m == birth->m && on->d < birth->d))
		age--;
	return age;
}

/*
 * The length in bytes of the white space (or invisible format character) that
 * starts at p, or 0: ASCII space (and tab/CR/LF for lines), NBSP, the spaces
 * U+2000..U+200B, U+202F, U+205F, U+3000 and the BOM U+FEFF. A name of only
 * these looks empty to a person, so it is empty.
 */
static size_t blank_at(const unsigned char *p, const unsigned char *end, bool lines)
{
	size_t left = (size_t)(end - p);
	if (left >= 1 && (*p == ' ' || (lines && (*p == '\t' || *p == '\n' || *p == '\r'))))
		return 1;
	if (left >= 2 && p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (left >= 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] <= 0x8b || p[2] == 0xaf))
		return 3;
	if (left >= 3 && p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
		return 3;
	if (left >= 3 && p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (left >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;
	return 0;
}

/* The same, for the character that ends just before end (start bounds the look-back). */
static size_t blank_before(const unsigned char *start, const unsigned char *end, bool lines)
{
	for (size_t k = 1; k <= 3 && (size_t)(end - start) >= k; k++) {
		size_t n = blank_at(end - k, end, lines);
		if (n == k)
			return k;
	}
	return 0;
}

const char *zk_text_problem(const char *s, size_t len, bool lines, size_t min, size_t max)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	const unsigned char *all_end = end;
	size_t chars = 0, n;

	if (!tg_valid_utf8(s, len))
		return "geen geldige UTF-8";
	if (memchr(s, '\0', len))
		return "bevat een NUL-teken";
	for (const unsigned char *q = p; q < all_end; q++) {
		if (*q < 0x20 && !(lines && (*q == '\t' || *q == '\n' || *q == '\r')))
			return "bevat een stuurteken";
		if (*q == 0x7f)
			return "bevat een stuurteken";
		/* C1 controls U+0080..U+009F are encoded C2 80..C2 9F. */
		if (*q == 0xc2 && q + 1 < all_end && q[1] >= 0x80 && q[1] <= 0x9f)
			return "bevat een stuurteken";
	}
	/* Surrounding blanks do not count towards the length. */
	while (p < end && (n = blank_at(p, end, lines)) > 0)
		p += n;
	while (end > p && (n = blank_before(p, end, lines)) > 0)
		end -= n;
	for (const unsigned char *q = p; q < end; q++)
		if ((*q & 0xc0) != 0x80)
			chars++;
	if (chars < min)
		return min <= 1 ? "mag niet leeg zijn" : "is te kort";
	if (chars > max)
		return "is te lang";
	return NULL;
}

static const char *kind_name(zk_kind k)
{
	switch (k) {
	case ZK_BOOL: return "moet true of false zijn";
	case ZK_OBJECT: return "moet een object zijn";
	case ZK_ARRAY: return "moet een lijst (array) zijn";
	case ZK_INT: return "moet een geheel getal zijn";
	case ZK_AMOUNT: return "moet een getal zijn";
	default: return "moet een tekst (string) zijn";
	}
}

static const zk_field *find_field(const zk_field *const *tables, const char *name)
{
	for (size_t t = 0; tables[t]; t++)
		for (const zk_field *f = tables[t]; f->name; f++)
			if (strcmp(f->name, name) == 0)
				return f;
	return NULL;
}

static size_t check_value(const zk_field *f, const json_t *v, const char *path, json_t *invalid);

static size_t check_object(const json_t *obj, const zk_field *fields, const char *path,
    json_t *invalid)
{
	const zk_field *tables[2] = { fields, NULL };
	return zk_validate(obj, tables, path, invalid);
}

static size_t check_value(const zk_field *f, const json_t *v, const char *path, json_t *invalid)
{
	char sub[600];
	const char *s;
	size_t len, n = 0;
	const char *problem = NULL;

	switch (f->kind) {
	case ZK_BOOL:
		if (!json_is_boolean(v))
			problem = kind_name(f->kind);
		break;
	case ZK_INT:
		if (!json_is_integer(v)) {
			problem = kind_name(f->kind);
		} else if (json_integer_value(v) < (json_int_t)f->min ||
		    json_integer_value(v) > (json_int_t)f->max) {
			snprintf(sub, sizeof(sub), "een geheel getal van %zu tot en met %zu", f->min, f->max);
			zk_invalid(invalid, path, sub);
			return 1;
		}
		break;
	case ZK_AMOUNT:
		if (!json_is_number(v)) {
			problem = kind_name(f->kind);
		} else if (json_number_value(v) < (double)f->min || json_number_value(v) > (double)f->max) {
			snprintf(sub, sizeof(sub), "een getal van %zu tot en met %zu", f->min, f->max);
			zk_invalid(invalid, path, sub);
			return 1;
		} else if (fabs(json_number_value(v) * 100.0 - round(json_number_value(v) * 100.0)) > 1e-6) {
			problem = "heeft hoogstens twee decimalen";
		}
		break;
	case ZK_OBJECT:
		if (!json_is_object(v))
			problem = kind_name(f->kind);
		else
			return check_object(v, f->fields, path, invalid);
		break;
	case ZK_ARRAY:
		if (!json_is_array(v)) {
			problem = kind_name(f->kind);
			break;
		}
		if (json_array_size(v) < f->min) {
			problem = f->min == 1 ? "moet minstens één element bevatten" : "bevat te weinig elementen";
			break;
		}
		if (json_array_size(v) > f->max) {
			problem = "bevat te veel elementen";
			break;
		}
		for (size_t i = 0; i < json_array_size(v); i++) {
			const json_t *item = json_array_get(v, i);
			if (snprintf(sub, sizeof(sub), "%s[%zu]", path, i) >= (int)sizeof(sub))
				sub[sizeof(sub) - 1] = '\0';
			if (!json_is_object(item)) {
				zk_invalid(invalid, sub, "moet een object zijn");
				n++;
			} else {
				n += check_object(item, f->fields, sub, invalid);
			}
		}
		return n;
	default:
		if (!json_is_string(v)) {
			problem = kind_name(f->kind);
			break;
		}
		s = json_string_value(v);
		len = json_string_length(v);
		if (strlen(s) != len) {
			problem = "bevat een NUL-teken";
			break;
		}
		switch (f->kind) {
		case ZK_TEXT:
		case ZK_TEXT_LINES:
			problem = zk_text_problem(s, len, f->kind == ZK_TEXT_LINES, f->min, f->max);
			break;
		case ZK_BSN:
			if (len != 9 || !tg_is_digits(s, len))
				problem = "een BSN bestaat uit 9 cijfers";
			else if (!tg_valid_bsn(s))
				problem = "BSN voldoet niet aan de elfproef";
			break;
		case ZK_AGB:
			if (!tg_valid_agb(s))
				problem = "een AGB-code bestaat uit 8 cijfers";
			break;
		case ZK_DATE: {
			zk_date d;
			if (!zk_date_parse(s, &d))
				problem = "geen bestaande datum in de vorm JJJJ-MM-DD";
			break;
		}
		case ZK_CODE:
			if (!f->codes || !zk_codelijst_has(f->codes, s)) {
				snprintf(sub, sizeof(sub), "onbekende %s", f->code_name ? f->code_name : "code");
				zk_invalid(invalid, path, sub);
				return 1;
			}
			break;
		case ZK_ENUM: {
			size_t k = 0, used = 0;
			while (f->values && f->values[k] && strcmp(f->values[k], s) != 0)
				k++;
			if (f->values && f->values[k])
				break;
			used = (size_t)snprintf(sub, sizeof(sub), "een van:");
			for (k = 0; f->values && f->values[k] && used < sizeof(sub); k++)
				used += (size_t)snprintf(sub + used, sizeof(sub) - used, "%s %s",
				    k ? "," : "", f->values[k]);
			zk_invalid(invalid, path, sub);
			return 1;
		}
		default:
			break;
		}
	}
	if (problem) {
		zk_invalid(invalid, path, problem);
		n++;
	}
	return n;
}

size_t zk_validate(const json_t *obj, const zk_field *const *tables, const char *prefix,
    json_t *invalid)
{
	char path[512];
	const char *key;
	const json_t *v;
	size_t n = 0;

	/* Unknown members first: a misspelt optional field must not pass silently. */
	json_object_foreach((json_t *)obj, key, v) {
		if (!find_field(tables, key)) {
			/* The name is the client's own input: keep only a printable, bounded copy. */
			char shown[64];
			size_t k = 0;
			for (const char *c = key; *c && k < sizeof(shown) - 1; c++)
				shown[k++] = (*c >= 0x20 && *c < 0x7f) ? *c : '?';
			shown[k] = '\0';
			snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", shown);
			zk_invalid(invalid, path, "onbekend veld");
			n++;
		}
	}
	for (size_t t = 0; tables[t]; t++) {
		for (const zk_field *f = tables[t]; f->name; f++) {
			snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", f->name);
			v = json_object_get(obj, f->name);
			if (!v || json_is_null(v)) {
				if (f->required) {
					zk_invalid(invalid, path, "is verplicht");
					n++;
				}
				continue;
			}
			n += check_value(f, v, path, invalid);
		}
	}
	return n;
}

bool zk_productcode_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || n > 5)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
			return false;
	return true;
}
