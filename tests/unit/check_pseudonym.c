/* Keyed pseudonyms of the access log. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "pseudonym.h"
#include "run_suite.h"

static const unsigned char key_a[] = "0123456789abcdef0123456789abcdef";
static const unsigned char key_b[] = "fedcba9876543210fedcba9876543210";

START_TEST(same_person_same_pseudonym)
{
	char p1[TG_PSEUDONYM_SIZE], p2[TG_PSEUDONYM_SIZE];
	ck_assert_int_eq(tg_pseudonym_with_key(key_a, 32, "123456782", p1), 0);
	ck_assert_int_eq(tg_pseudonym_with_key(key_a, 32, "123456782", p2), 0);
	ck_assert_str_eq(p1, p2);
	ck_assert_uint_eq(strlen(p1), 34);
	ck_assert(strncmp(p1, "p-", 2) == 0);
	ck_assert(strstr(p1, "123456782") == NULL);
}
END_TEST

START_TEST(other_person_or_key_other_pseudonym)
{
	char p1[TG_PSEUDONYM_SIZE], p2[TG_PSEUDONYM_SIZE], p3[TG_PSEUDONYM_SIZE];
	tg_pseudonym_with_key(key_a, 32, "123456782", p1);
	tg_pseudonym_with_key(key_a, 32, "111222333", p2);
	tg_pseudonym_with_key(key_b, 32, "123456782", p3);
	ck_assert_str_ne(p1, p2);
	ck_assert_str_ne(p1, p3);
}
END_TEST

/* RFC 4231 test case 2 (key "Jefe"), first 128 bits. */
START_TEST(matches_hmac_sha256)
{
	char p[TG_PSEUDONYM_SIZE];
	ck_assert_int_eq(tg_pseudonym_with_key((const unsigned char *)"Jefe", 4,
	    "what do ya want for nothing?", p), 0);
	ck_assert_str_eq(p, "p-5bdcc146bf60754e6a042426089575c7");
}
END_TEST

static void write_file(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(content, f);
	fclose(f);
}

START_TEST(key_file_rules)
{
	char err[256], p[TG_PSEUDONYM_SIZE];
	char path[] = "/tmp/check_pseudonym_XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);

	tg_pseudonym_unload();
	ck_assert_int_eq(tg_pseudonym("123456782", p), -1);
	ck_assert_int_eq(tg_pseudonym_load(NULL, err, sizeof(err)), -1);
	ck_assert(strstr(err, "pseudonym_key_file") != NULL);
	ck_assert_int_eq(tg_pseudonym_load("/nonexistent/key", err, sizeof(err)), -1);
	write_file(path, "too short\n");
	ck_assert_int_eq(tg_pseudonym_load(path, err, sizeof(err)), -1);
	ck_assert(strstr(err, path) != NULL);
	/* The trailing newline of "openssl rand -hex 32 > file" is not part of the key. */
	write_file(path, "0123456789abcdef0123456789abcdef\n");
	ck_assert_int_eq(tg_pseudonym_load(path, err, sizeof(err)), 0);
	{
		char direct[TG_PSEUDONYM_SIZE];
		ck_assert_int_eq(tg_pseudonym("123456782", p), 0);
		tg_pseudonym_with_key(key_a, 32, "123456782", direct);
		ck_assert_str_eq(p, direct);
	}
	tg_pseudonym_unload();
	unlink(path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pseudonym");
	TCase *tc = tcase_create("pseudonym");
	tcase_add_test(tc, same_person_same_pseudonym);
	tcase_add_test(tc, other_person_or_key_other_pseudonym);
	tcase_add_test(tc, matches_hmac_sha256);
	tcase_add_test(tc, key_file_rules);
	suite_add_tcase(s, tc);
	return tg_run_suite(s);
}
