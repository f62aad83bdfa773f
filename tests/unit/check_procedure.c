/*
 * The procedure table itself: the path of the Nadere regels from receipt to
 * decision exists for every route, the end states are final, and the
 * exceptions (3.7.4 for referrals, spoed-only measures) hold.
 */
#include <string.h>

#include <check.h>

#include "procedure.h"
#include "run_suite.h"

static const char *const routes[] = { "verwijzing", "mandaat", "melding", "overdracht" };

static const char *after(const char *action, const char *status, const char *route, bool spoed,
    const char *besluit)
{
	const zk_action *a = zk_action_find(action, status, route, spoed);
	ck_assert_msg(a != NULL, "%s must be allowed in %s for a %s", action, status, route);
	return a->to ? a->to : a->to_field ? besluit : status;
}

START_TEST(the_whole_procedure_for_every_route)
{
	static const char *const steps[] = { "ontvangst_bevestigen", "vooronderzoek", "gesprek",
		"verslag", "gezinsplan", "aanvraag", "beoordeling", "advies", "beschikken" };
	static const char *const states[] = { "ontvangst_bevestigd", "vooronderzoek_afgerond",
		"gesprek_gevoerd", "verslag_verstrekt", "gezinsplan_opgesteld", "aanvraag_ontvangen",
		"beoordeeld", "advies_ontvangen", "toegekend" };
	for (size_t r = 0; r < 4; r++) {
		const char *status = "ontvangen";
		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
			status = after(steps[i], status, routes[r], false, "toegekend");
			ck_assert_str_eq(status, states[i]);
		}
		ck_assert(zk_is_end_state(status));
	}
}
END_TEST

START_TEST(end_states_are_final)
{
	/* Nothing leads out of an end state; after a grant only the start of the
	 * help is recorded, and only on a grant. */
	for (size_t e = 0; zk_end_states[e]; e++)
		for (size_t r = 0; r < 4; r++) {
			bool granted = strstr(zk_end_states[e], "toegekend") != NULL;
			json_t *allowed = zk_actions_allowed(zk_end_states[e], routes[r], ZK_SPOED);
			ck_assert_uint_eq(json_array_size(allowed), granted ? 1 : 0);
			if (granted)
				ck_assert_str_eq(json_string_value(json_array_get(allowed, 0)), "start_zorg");
			json_decref(allowed);
			for (size_t a = 0; a < zk_nactions; a++) {
				const zk_action *found = zk_action_find(zk_actions[a].name, zk_end_states[e],
				    routes[r], ZK_SPOED);
				if (found)
					ck_assert(found->to == NULL && found->to_field == NULL && found->starts);
			}
		}
}
END_TEST

START_TEST(mandates_go_straight_to_a_toewijzing)
{
	/* Gedwongen kader: the help is allocated from receipt on, and becomes toewijzingen. */
	const zk_action *a = zk_action_find("beschikken", "ontvangen", "mandaat", 0);
	ck_assert_ptr_nonnull(a);
	ck_assert(a->allocates && a->checks_pgb);
	/* Every decision checks its PGB products (4.2.4 sub h). */
	for (size_t i = 0; i < zk_nactions; i++)
		if (strcmp(zk_actions[i].name, "beschikken") == 0)
			ck_assert(zk_actions[i].checks_pgb && zk_actions[i].allocates);
}
END_TEST

/* 4.2.4 sub i: only a grant with a PGB product starts the term to use it. */
START_TEST(a_pgb_grant_starts_its_term)
{
	static const char *const cases[][2] = {
		{ "{\"besluit\": \"toegekend\", \"producten\": [{\"vorm\": \"natura\"}, {\"vorm\": \"pgb\"}]}",
		  "toekenning_pgb" },
		{ "{\"besluit\": \"gedeeltelijk_toegekend\", \"producten\": [{\"vorm\": \"pgb\"}]}", "toekenning_pgb" },
		{ "{\"besluit\": \"toegekend\", \"producten\": [{\"vorm\": \"natura\"}]}", NULL },
		{ "{\"besluit\": \"afgewezen\", \"producten\": [{\"vorm\": \"pgb\"}]}", NULL },
	};
	for (size_t i = 0; i < zk_nactions; i++) {
		if (strcmp(zk_actions[i].name, "beschikken") != 0)
			continue;
		ck_assert_ptr_nonnull(zk_actions[i].event_of);
		for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
			json_t *body = json_loads(cases[k][0], 0, NULL);
			const char *got = zk_actions[i].event_of(body);
			ck_assert_msg(cases[k][1] ? got && strcmp(got, cases[k][1]) == 0 : got == NULL,
			    "case %zu: %s", k, got ? got : "(none)");
			json_decref(body);
		}
	}
}
END_TEST

START_TEST(zaken_from_outside_the_region_are_only_forwarded)
{
	unsigned buiten = zk_flags(false, true);
	json_t *allowed = zk_actions_allowed("ontvangen", "verwijzing", buiten);
	ck_assert_ptr_nonnull(zk_action_find("doorzenden", "ontvangen", "verwijzing", buiten));
	ck_assert_ptr_nonnull(zk_action_find("intrekken", "ontvangen", "melding", buiten));
	ck_assert_ptr_null(zk_action_find("ontvangst_bevestigen", "ontvangen", "melding", buiten));
	ck_assert_ptr_null(zk_action_find("beschikken", "ontvangen", "mandaat", buiten));
	/* A spoed measure is still taken where the child is. */
	ck_assert_ptr_nonnull(zk_action_find("tijdelijke_maatregel", "ontvangen", "melding",
	    zk_flags(true, true)));
	for (size_t i = 0; i < json_array_size(allowed); i++)
		ck_assert(zk_action_first(json_string_value(json_array_get(allowed, i)))->outside_region);
	json_decref(allowed);
}
END_TEST

START_TEST(referrals_skip_the_eigen_kracht_steps)
{
	/* 3.7.4: after a verwijzing or mandaat the CJG may decide at once (a
	 * mandaat even before the receipt is confirmed)... */
	ck_assert_ptr_nonnull(zk_action_find("beschikken", "ontvangst_bevestigd", "verwijzing", false));
	ck_assert_ptr_nonnull(zk_action_find("beschikken", "ontvangst_bevestigd", "mandaat", false));
	/* ...after a melding or overdracht only once the aanvraag is assessed. */
	ck_assert_ptr_null(zk_action_find("beschikken", "ontvangst_bevestigd", "melding", false));
	ck_assert_ptr_null(zk_action_find("beschikken", "aanvraag_ontvangen", "overdracht", false));
	/* A referral not before the receipt is confirmed. */
	ck_assert_ptr_null(zk_action_find("beschikken", "ontvangen", "verwijzing", false));
	ck_assert_ptr_null(zk_action_find("beschikken", "ontvangen", "melding", false));
}
END_TEST

START_TEST(spoed_measures_and_side_exits)
{
	ck_assert_ptr_null(zk_action_find("tijdelijke_maatregel", "ontvangen", "melding", false));
	ck_assert_ptr_nonnull(zk_action_find("tijdelijke_maatregel", "ontvangen", "melding", true));
	/* A measure is a record: the state stays. */
	ck_assert_ptr_null(zk_action_find("tijdelijke_maatregel", "ontvangen", "melding", true)->to);
	/* The family can withdraw, and a zaak can be forwarded, from every open state. */
	static const char *const open[] = { "ontvangen", "ontvangst_bevestigd", "vooronderzoek_afgerond",
		"gesprek_gevoerd", "verslag_verstrekt", "gezinsplan_opgesteld", "aanvraag_ontvangen",
		"beoordeeld", "advies_ontvangen" };
	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
		ck_assert_str_eq(zk_action_find("intrekken", open[i], "melding", false)->to, "ingetrokken");
		ck_assert_str_eq(zk_action_find("doorzenden", open[i], "verwijzing", false)->to, "doorgezonden");
	}
	/* Verdagen and opschorten only while a decision term runs. */
	ck_assert_ptr_null(zk_action_find("verdagen", "gesprek_gevoerd", "melding", false));
	ck_assert_ptr_nonnull(zk_action_find("verdagen", "aanvraag_ontvangen", "melding", false));
	ck_assert_ptr_nonnull(zk_action_find("opschorten", "beoordeeld", "melding", false));
}
END_TEST

START_TEST(every_row_is_well_formed)
{
	for (size_t i = 0; i < zk_nactions; i++) {
		const zk_action *a = &zk_actions[i];
		ck_assert_msg(a->from && a->from[0], "%s has no from-states", a->name);
		ck_assert_msg(a->fields != NULL && a->toelichting != NULL, "%s lacks content or text", a->name);
		ck_assert_msg(!(a->to && a->to_field), "%s has two targets", a->name);
		ck_assert_msg(a->routes != 0, "%s applies to no route", a->name);
		for (size_t k = 0; a->from[k]; k++)
			ck_assert_msg(!zk_is_end_state(a->from[k]) || (!a->to && !a->to_field),
			    "%s leaves an end state", a->name);
		ck_assert_ptr_nonnull(zk_action_first(a->name));
	}
	ck_assert_ptr_null(zk_action_first("toveren"));
	ck_assert_uint_eq(zk_route_bit("onbekend"), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("procedure");
	TCase *tc = tcase_create("procedure");
	tcase_add_test(tc, the_whole_procedure_for_every_route);
	tcase_add_test(tc, end_states_are_final);
	tcase_add_test(tc, referrals_skip_the_eigen_kracht_steps);
	tcase_add_test(tc, spoed_measures_and_side_exits);
	tcase_add_test(tc, every_row_is_well_formed);
	tcase_add_test(tc, mandates_go_straight_to_a_toewijzing);
	tcase_add_test(tc, a_pgb_grant_starts_its_term);
	tcase_add_test(tc, zaken_from_outside_the_region_are_only_forwarded);
	suite_add_tcase(s, tc);
	return tg_run_suite(s);
}
