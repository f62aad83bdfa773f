/* The one main() every Check program shares: run the suite, exit non-zero on a failure. */
#ifndef TOEGANG_TESTS_RUN_SUITE_H
#define TOEGANG_TESTS_RUN_SUITE_H

#include <stdlib.h>

#include <check.h>

static inline int tg_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
