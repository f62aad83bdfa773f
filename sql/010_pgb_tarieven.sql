-- PGB-tarieven 2015 (Nadere regels jeugdhulp Zutphen 2015, "Bijlage PGB
-- Tarieven 2015"): the maximum rates for a persoonsgebonden budget, per
-- bekostigingseenheid, for formele hulp (formeel_tarief) and informele hulp
-- (informeel / informeel_tarief). Transcribed from the seed text
-- shared/seeds/nadere-regels-jeugdhulp-zutphen-2015.txt; the seed is a
-- flattened Word table, so cells that visually span rows are repeated here on
-- every row they cover:
--   * Individuele begeleiding: the informal cell "max. €20,- per uur / < 23
--     jaar max. minimumloon / maximaal 40 uur per week" covers licht, medium
--     and zwaar. The "< 23 jaar max. minimumloon" cap is age dependent and has
--     no column; it applies in addition to informeel_tarief.
--   * Dagbesteding: the informal "€5,- per uur" covers licht, medium, zwaar.
--   * Logeeropvang: €45,- (formeel) / €30,- (informeel) per 24 uur excl.
--     hulpverlening; may be raised by an amount for hulpverlening up to a
--     total of €100,- per 24 uur (totaal_max).
--   * Regie voeren: no pgb; the table's exception (no suitable natura offer,
--     the client cannot direct the care himself and nobody around him can:
--     the college looks for a suitable solution) is not a rate and is not
--     encoded here.
--   * Specialistische jeugd-GGZ (DBC) and Basis GGZ: the informal column is
--     N.v.t. throughout; a few seed cells are blank and are read as N.v.t.
-- Amounts in euro; informeel 'niet_genoemd' = the informal column is empty
-- for that row. A newer table gets its own geldig_van; these rows are not
-- edited.

-- Regie voeren
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('regie_voeren', 'Regie voeren', 'Opstellen plan en aansturen hulpen', '{}', 'traject', NULL, 'geen_pgb', NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB tarieven 2015: voor het voeren van regie en de administratie kan geen vergoeding uit het pgb worden ontvangen (art. 4.2.4 sub h)', 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Wonen
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('crisisopvang', 'Wonen', 'Crisisopvang en spoedopvang', '{}', 'etmaal', NULL, 'geen_pgb', NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB tarieven 2015: geen pgb mogelijk voor crisisopvang en spoedopvang (art. 4.2.4 sub h: crisishulp)', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('logeeropvang', 'Wonen', 'Deeltijd verblijf/logeeropvang/verblijfscomponent (verblijfscomponent ZZP GGZ, VG & LG, ZG, V&V), bedragen excl. hulpverlening', ARRAY['Z992','Z993','Z994','Z996'], 'etmaal', 45.00, 'tarief', 30.00, NULL, 100.00, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Hulpverlening CARE
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('individuele_begeleiding_licht', 'Hulpverlening CARE', 'Individuele begeleiding licht', ARRAY['H300','H150'], 'uur', 45.00, 'tarief', 20.00, 40.00, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('individuele_begeleiding_medium', 'Hulpverlening CARE', 'Individuele begeleiding medium', ARRAY['H152','H153','H303'], 'uur', 74.00, 'tarief', 20.00, 40.00, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('individuele_begeleiding_zwaar', 'Hulpverlening CARE', 'Individuele begeleiding zwaar', ARRAY['H301','H304'], 'uur', 82.00, 'tarief', 20.00, 40.00, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('dagbesteding_licht', 'Hulpverlening CARE', 'Dagbesteding licht', '{}', 'uur', 9.00, 'tarief', 5.00, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('dagbesteding_medium', 'Hulpverlening CARE', 'Dagbesteding medium', '{}', 'uur', 12.75, 'tarief', 5.00, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('dagbesteding_zwaar', 'Hulpverlening CARE', 'Dagbesteding zwaar', '{}', 'uur', 22.25, 'tarief', 5.00, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandeling_licht', 'Hulpverlening CARE', 'Behandeling licht', '{}', 'uur', 65.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandeling_medium', 'Hulpverlening CARE', 'Behandeling medium', '{}', 'uur', 86.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandeling_zwaar', 'Hulpverlening CARE', 'Behandeling zwaar', '{}', 'uur', 98.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('vervoer', 'Hulpverlening CARE', 'Vervoer naar dagbesteding/behandeling', ARRAY['H896','V905'], 'dag', 16.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('autovervoer_derden', 'Hulpverlening CARE', 'Autovervoer door derden: max. €0,38 per km (€0,48 per kilometer minus €0,10 per kilometer voor algemeen gebruikelijke vervoerskosten)', '{}', 'km', 0.38, 'tarief', 0.38, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('persoonlijke_verzorging', 'Hulpverlening CARE', 'Persoonlijke verzorging', ARRAY['H126','H127','H132'], 'uur', 42.00, 'tarief', 20.00, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('zzp_lvg_licht', 'Hulpverlening CARE', 'ZZP LVG licht', ARRAY['V513','V523','Z513','Z523'], 'dag', 140.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('zzp_lvg_medium', 'Hulpverlening CARE', 'ZZP LVG medium', ARRAY['V533','Z533'], 'dag', 195.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('zzp_lvg_zwaar', 'Hulpverlening CARE', 'ZZP LVG zwaar', ARRAY['V543','V553','Z543','Z553'], 'dag', 230.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('zzp_vg_licht', 'Hulpverlening CARE', 'ZZP VG licht', ARRAY['V414','V415','Z414','Z415'], 'dag', 79.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('zzp_vg_medium', 'Hulpverlening CARE', 'ZZP VG medium', ARRAY['V424','V425','Z424','Z425'], 'dag', 97.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('zzp_vg_zwaar', 'Hulpverlening CARE', 'ZZP VG zwaar', ARRAY['V430-V433','Z430-Z433'], 'dag', 106.00, 'niet_genoemd', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Hulpverlening CURE: ambulant
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('ambulant_specialistisch', 'Hulpverlening CURE: ambulant', 'Ambulant specialistisch/therapeutische jeugdhulp', ARRAY['JH2-A','JH3-A'], 'uur', 80.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('ambulant_zwaar_jh2a', 'Hulpverlening CURE: ambulant', 'Zwaardere ambulante specialistische jeugdhulp (JH2-A)', ARRAY['JH2-A'], 'uur', 140.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('ambulant_zwaar_jh4', 'Hulpverlening CURE: ambulant', 'Zwaardere ambulante specialistische jeugdhulp (JH4)', ARRAY['JH4'], 'uur', 229.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Hulpverlening CURE: dagbehandeling
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('dagbehandeling_uur', 'Hulpverlening CURE: dagbehandeling', 'Dagbehandeling (per uur)', ARRAY['JH2-B','JH3-B','JH2-C','JH2-D'], 'uur', 40.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('dagbehandeling_dag', 'Hulpverlening CURE: dagbehandeling', 'Dagbehandeling (per dag)', ARRAY['VF1'], 'dag', 95.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Hulpverlening CURE: residentieel
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('behandelgroep_kamertraining', 'Hulpverlening CURE: residentieel', 'Behandelgroep kamertraining centrum/fasehuis', ARRAY['VF2','VF5'], 'etmaal', 175.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandelgroep_gezinshuis', 'Hulpverlening CURE: residentieel', 'Behandelgroep gezinshuis', ARRAY['VF3','VF4'], 'etmaal', 155.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandelgroep_vf6', 'Hulpverlening CURE: residentieel', 'Behandelgroep', ARRAY['VF6'], 'etmaal', 180.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandelgroep_zwaar_vf7', 'Hulpverlening CURE: residentieel', 'Behandelgroep zwaar (VF7)', ARRAY['VF7'], 'etmaal', 210.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('behandelgroep_zwaar_vf8', 'Hulpverlening CURE: residentieel', 'Behandelgroep zwaar (VF8)', ARRAY['VF8'], 'etmaal', 232.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('gesloten_behandelgroep', 'Hulpverlening CURE: residentieel', 'Gesloten behandelgroep', ARRAY['VF9'], 'etmaal', 400.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor JeugdzorgPlus (gesloten jeugdhulp)', 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Jeugdbescherming en jeugdreclassering
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('ots_korter_dan_1_jaar', 'Jeugdbescherming en jeugdreclassering', 'OTS < 1 jaar', '{}', 'client_jaar', 8928.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdbescherming', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('ots_langer_dan_1_jaar', 'Jeugdbescherming en jeugdreclassering', 'OTS > 1 jaar', '{}', 'client_jaar', 7465.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdbescherming', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('voogdij', 'Jeugdbescherming en jeugdreclassering', 'Voogdij', '{}', 'client_jaar', 5230.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdbescherming', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('reguliere_jr', 'Jeugdbescherming en jeugdreclassering', 'Reguliere JR', '{}', 'client_jaar', 6655.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('itb_harde_kern', 'Jeugdbescherming en jeugdreclassering', 'ITB-Harde kern', '{}', 'client_jaar', 1266.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('itb_criem', 'Jeugdbescherming en jeugdreclassering', 'ITB-Criem', '{}', 'client_jaar', 1679.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('stp', 'Jeugdbescherming en jeugdreclassering', 'STP', '{}', 'client_jaar', 1488.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('gbm_advies', 'Jeugdbescherming en jeugdreclassering', 'GBM-advies', '{}', 'client_jaar', 6642.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('gbm_begeleiding', 'Jeugdbescherming en jeugdreclassering', 'GBM-begeleiding', '{}', 'client_jaar', 1670.00, 'nvt', NULL, NULL, NULL, NULL, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Specialistische jeugd-GGZ (DBC's); minuten_tot NULL = open band ("800 >").
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
-- Specialistische jeugd-GGZ: Diagnostiek
    ('sggz_007', 'Specialistische jeugd-GGZ: Diagnostiek', 'Diagnostiek 0-99 minuten', ARRAY['007'], 'dbc', 180.68, 'nvt', NULL, NULL, NULL, 0, 99, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_008', 'Specialistische jeugd-GGZ: Diagnostiek', 'Diagnostiek 100-199 minuten', ARRAY['008'], 'dbc', 280.72, 'nvt', NULL, NULL, NULL, 100, 199, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_009', 'Specialistische jeugd-GGZ: Diagnostiek', 'Diagnostiek 200-399 minuten', ARRAY['009'], 'dbc', 559.71, 'nvt', NULL, NULL, NULL, 200, 399, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_162', 'Specialistische jeugd-GGZ: Diagnostiek', 'Diagnostiek 400-799 minuten', ARRAY['162'], 'dbc', 1060.78, 'nvt', NULL, NULL, NULL, 400, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_307', 'Specialistische jeugd-GGZ: Diagnostiek', 'Diagnostiek vanaf 800 minuten', ARRAY['307'], 'dbc', 1821.83, 'nvt', NULL, NULL, NULL, 800, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Crisis
    ('sggz_013', 'Specialistische jeugd-GGZ: Crisis', 'Crisis 0-99 minuten', ARRAY['013'], 'dbc', 134.35, 'nvt', NULL, NULL, NULL, 0, 99, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_014', 'Specialistische jeugd-GGZ: Crisis', 'Crisis 100-199 minuten', ARRAY['014'], 'dbc', 295.92, 'nvt', NULL, NULL, NULL, 100, 199, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_015', 'Specialistische jeugd-GGZ: Crisis', 'Crisis 200-399 minuten', ARRAY['015'], 'dbc', 552.64, 'nvt', NULL, NULL, NULL, 200, 399, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_016', 'Specialistische jeugd-GGZ: Crisis', 'Crisis 400-799 minuten', ARRAY['016'], 'dbc', 1032.33, 'nvt', NULL, NULL, NULL, 400, 799, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_165', 'Specialistische jeugd-GGZ: Crisis', 'Crisis 800-1199 minuten', ARRAY['165'], 'dbc', 1745.78, 'nvt', NULL, NULL, NULL, 800, 1199, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_213', 'Specialistische jeugd-GGZ: Crisis', 'Crisis 1200-1799 minuten', ARRAY['213'], 'dbc', 2607.11, 'nvt', NULL, NULL, NULL, 1200, 1799, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_214', 'Specialistische jeugd-GGZ: Crisis', 'Crisis vanaf 1800 minuten', ARRAY['214'], 'dbc', 4100.52, 'nvt', NULL, NULL, NULL, 1800, NULL, 'Art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Behandeling kort
    ('sggz_215', 'Specialistische jeugd-GGZ: Behandeling kort', 'Behandeling kort 0-99 minuten', ARRAY['215'], 'dbc', 128.00, 'nvt', NULL, NULL, NULL, 0, 99, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_216', 'Specialistische jeugd-GGZ: Behandeling kort', 'Behandeling kort 100-199 minuten', ARRAY['216'], 'dbc', 306.54, 'nvt', NULL, NULL, NULL, 100, 199, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_217', 'Specialistische jeugd-GGZ: Behandeling kort', 'Behandeling kort 200-399 minuten', ARRAY['217'], 'dbc', 589.42, 'nvt', NULL, NULL, NULL, 200, 399, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_264', 'Specialistische jeugd-GGZ: Behandeling kort', 'Behandeling kort vanaf 400 minuten', ARRAY['264'], 'dbc', 983.40, 'nvt', NULL, NULL, NULL, 400, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen
    ('sggz_230', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 250-799 minuten', ARRAY['230'], 'dbc', 1167.56, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_184', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 800-1799 minuten', ARRAY['184'], 'dbc', 2245.66, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_066', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 1800-2999 minuten', ARRAY['066'], 'dbc', 4190.33, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_067', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 3000-5999 minuten', ARRAY['067'], 'dbc', 7254.10, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_068', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 6000-11999 minuten', ARRAY['068'], 'dbc', 13453.35, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_143', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 12000-17999 minuten', ARRAY['143'], 'dbc', 22900.54, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_144', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 18000-23999 minuten', ARRAY['144'], 'dbc', 32455.06, 'nvt', NULL, NULL, NULL, 18000, 23999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_185', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen 24000-29999 minuten', ARRAY['185'], 'dbc', 39287.13, 'nvt', NULL, NULL, NULL, 24000, 29999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_186', 'Specialistische jeugd-GGZ: Schizofrenie en andere psychotische stoornissen', 'Schizofrenie en andere psychotische stoornissen vanaf 30000 minuten', ARRAY['186'], 'dbc', 64154.81, 'nvt', NULL, NULL, NULL, 30000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Depressieve stoornissen
    ('sggz_231', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 250-799 minuten', ARRAY['231'], 'dbc', 1227.64, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_232', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 800-1799 minuten', ARRAY['232'], 'dbc', 2391.49, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_233', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 1800-2999 minuten', ARRAY['233'], 'dbc', 4334.18, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_234', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 3000-5999 minuten', ARRAY['234'], 'dbc', 7437.75, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_235', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 6000-11999 minuten', ARRAY['235'], 'dbc', 14530.78, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_146', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 12000-17999 minuten', ARRAY['146'], 'dbc', 23776.54, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_187', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen 18000-23999 minuten', ARRAY['187'], 'dbc', 35550.37, 'nvt', NULL, NULL, NULL, 18000, 23999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_188', 'Specialistische jeugd-GGZ: Depressieve stoornissen', 'Depressieve stoornissen vanaf 24000 minuten', ARRAY['188'], 'dbc', 46182.26, 'nvt', NULL, NULL, NULL, 24000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen
    ('sggz_189', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen 250-799 minuten', ARRAY['189'], 'dbc', 1232.77, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_236', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen 800-1799 minuten', ARRAY['236'], 'dbc', 2328.36, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_190', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen 1800-2999 minuten', ARRAY['190'], 'dbc', 4155.77, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_087', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen 3000-5999 minuten', ARRAY['087'], 'dbc', 7335.70, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_148', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen 6000-11999 minuten', ARRAY['148'], 'dbc', 13422.50, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_191', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen 12000-17999 minuten', ARRAY['191'], 'dbc', 23532.26, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_192', 'Specialistische jeugd-GGZ: Bipolaire en overige stemmingsstoornissen', 'Bipolaire en overige stemmingsstoornissen vanaf 18000 minuten', ARRAY['192'], 'dbc', 38227.44, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Angststoornissen
    ('sggz_237', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 250-799 minuten', ARRAY['237'], 'dbc', 1201.40, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_238', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 800-1799 minuten', ARRAY['238'], 'dbc', 2460.28, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_239', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 1800-2999 minuten', ARRAY['239'], 'dbc', 4407.20, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_193', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 3000-5999 minuten', ARRAY['193'], 'dbc', 7168.51, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_194', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 6000-11999 minuten', ARRAY['194'], 'dbc', 15094.95, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_150', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 12000-17999 minuten', ARRAY['150'], 'dbc', 25960.60, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_195', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen 18000-23999 minuten', ARRAY['195'], 'dbc', 35807.97, 'nvt', NULL, NULL, NULL, 18000, 23999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_196', 'Specialistische jeugd-GGZ: Angststoornissen', 'Angststoornissen vanaf 24000 minuten', ARRAY['196'], 'dbc', 43271.88, 'nvt', NULL, NULL, NULL, 24000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Restgroep diagnoses
    ('sggz_242', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses 250-799 minuten', ARRAY['242'], 'dbc', 1227.89, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_203', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses 800-1799 minuten', ARRAY['203'], 'dbc', 2487.58, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_118', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses 1800-2999 minuten', ARRAY['118'], 'dbc', 4443.13, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_119', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses 3000-5999 minuten', ARRAY['119'], 'dbc', 7405.53, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_156', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses 6000-11999 minuten', ARRAY['156'], 'dbc', 14960.19, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_204', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses 12000-17999 minuten', ARRAY['204'], 'dbc', 24813.83, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_205', 'Specialistische jeugd-GGZ: Restgroep diagnoses', 'Restgroep diagnoses vanaf 18000 minuten', ARRAY['205'], 'dbc', 40203.25, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen
    ('sggz_027', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 250-799 minuten', ARRAY['027'], 'dbc', 1137.47, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_169', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 800-1799 minuten', ARRAY['169'], 'dbc', 2437.04, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_030', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 1800-2999 minuten', ARRAY['030'], 'dbc', 4346.86, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_031', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 3000-5999 minuten', ARRAY['031'], 'dbc', 7114.99, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_131', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 6000-11999 minuten', ARRAY['131'], 'dbc', 14578.36, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_170', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 12000-17999 minuten', ARRAY['170'], 'dbc', 22071.35, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_221', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen 18000-23999 minuten', ARRAY['221'], 'dbc', 34068.83, 'nvt', NULL, NULL, NULL, 18000, 23999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_222', 'Specialistische jeugd-GGZ: Aandachtstekort- en gedragsstoornissen', 'Aandachtstekort- en gedragsstoornissen vanaf 24000 minuten', ARRAY['222'], 'dbc', 41042.84, 'nvt', NULL, NULL, NULL, 24000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Pervasieve stoornissen
    ('sggz_033', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 250-799 minuten', ARRAY['033'], 'dbc', 1088.15, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_172', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 800-1799 minuten', ARRAY['172'], 'dbc', 2164.01, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_223', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 1800-2999 minuten', ARRAY['223'], 'dbc', 3970.62, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_038', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 3000-5999 minuten', ARRAY['038'], 'dbc', 6891.72, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_133', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 6000-11999 minuten', ARRAY['133'], 'dbc', 13226.96, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_173', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 12000-17999 minuten', ARRAY['173'], 'dbc', 25289.03, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_224', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen 18000-23999 minuten', ARRAY['224'], 'dbc', 33850.81, 'nvt', NULL, NULL, NULL, 18000, 23999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_225', 'Specialistische jeugd-GGZ: Pervasieve stoornissen', 'Pervasieve stoornissen vanaf 24000 minuten', ARRAY['225'], 'dbc', 46820.45, 'nvt', NULL, NULL, NULL, 24000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Overige stoornissen kindertijd
    ('sggz_040', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd 250-799 minuten', ARRAY['040'], 'dbc', 1184.22, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_041', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd 800-1799 minuten', ARRAY['041'], 'dbc', 2431.86, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_042', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd 1800-2999 minuten', ARRAY['042'], 'dbc', 4248.55, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_135', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd 3000-5999 minuten', ARRAY['135'], 'dbc', 6873.92, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_175', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd 6000-11999 minuten', ARRAY['175'], 'dbc', 15435.78, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_226', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd 12000-17999 minuten', ARRAY['226'], 'dbc', 26457.96, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_227', 'Specialistische jeugd-GGZ: Overige stoornissen kindertijd', 'Overige stoornissen kindertijd vanaf 18000 minuten', ARRAY['227'], 'dbc', 38965.23, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen
    ('sggz_228', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen 250-799 minuten', ARRAY['228'], 'dbc', 1143.71, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_229', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen 800-1799 minuten', ARRAY['229'], 'dbc', 2165.60, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_048', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen 1800-2999 minuten', ARRAY['048'], 'dbc', 3905.05, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_049', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen 3000-5999 minuten', ARRAY['049'], 'dbc', 6724.25, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_137', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen 6000-11999 minuten', ARRAY['137'], 'dbc', 13132.13, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_177', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen 12000-17999 minuten', ARRAY['177'], 'dbc', 24454.34, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_178', 'Specialistische jeugd-GGZ: Delirium, dementie amnestische en overige cognitieve stoornissen', 'Delirium, dementie amnestische en overige cognitieve stoornissen vanaf 18000 minuten', ARRAY['178'], 'dbc', 34668.07, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen
    ('sggz_051', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen 250-799 minuten', ARRAY['051'], 'dbc', 1047.72, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_052', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen 800-1799 minuten', ARRAY['052'], 'dbc', 2102.93, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_053', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen 1800-2999 minuten', ARRAY['053'], 'dbc', 3919.46, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_054', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen 3000-5999 minuten', ARRAY['054'], 'dbc', 6833.56, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_139', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen 6000-11999 minuten', ARRAY['139'], 'dbc', 13401.50, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_179', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen 12000-17999 minuten', ARRAY['179'], 'dbc', 23088.48, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_180', 'Specialistische jeugd-GGZ: Aan alcohol gebonden stoornissen', 'Aan alcohol gebonden stoornissen vanaf 18000 minuten', ARRAY['180'], 'dbc', 43433.84, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen
    ('sggz_056', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen 250-799 minuten', ARRAY['056'], 'dbc', 1063.42, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_181', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen 800-1799 minuten', ARRAY['181'], 'dbc', 2083.93, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_059', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen 1800-2999 minuten', ARRAY['059'], 'dbc', 3851.04, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_060', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen 3000-5999 minuten', ARRAY['060'], 'dbc', 7053.75, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_141', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen 6000-11999 minuten', ARRAY['141'], 'dbc', 13218.11, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_182', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen 12000-17999 minuten', ARRAY['182'], 'dbc', 22617.86, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_183', 'Specialistische jeugd-GGZ: Aan overige middelen gebonden stoornissen', 'Aan overige middelen gebonden stoornissen vanaf 18000 minuten', ARRAY['183'], 'dbc', 45555.24, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen
    ('sggz_121', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 250-799 minuten', ARRAY['121'], 'dbc', 1150.45, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_206', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 800-1799 minuten', ARRAY['206'], 'dbc', 2412.71, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_243', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 1800-2999 minuten', ARRAY['243'], 'dbc', 4304.65, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_207', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 3000-5999 minuten', ARRAY['207'], 'dbc', 7541.84, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_208', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 6000-11999 minuten', ARRAY['208'], 'dbc', 13655.95, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_158', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 12000-17999 minuten', ARRAY['158'], 'dbc', 22593.00, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_209', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 18000-23999 minuten', ARRAY['209'], 'dbc', 32867.10, 'nvt', NULL, NULL, NULL, 18000, 23999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_244', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen 24000-29999 minuten', ARRAY['244'], 'dbc', 46072.63, 'nvt', NULL, NULL, NULL, 24000, 29999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_245', 'Specialistische jeugd-GGZ: Persoonlijkheidsstoornissen', 'Persoonlijkheidsstoornissen vanaf 30000 minuten', ARRAY['245'], 'dbc', 62477.17, 'nvt', NULL, NULL, NULL, 30000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Somatoforme stoornissen
    ('sggz_246', 'Specialistische jeugd-GGZ: Somatoforme stoornissen', 'Somatoforme stoornissen 250-799 minuten', ARRAY['246'], 'dbc', 1238.62, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_247', 'Specialistische jeugd-GGZ: Somatoforme stoornissen', 'Somatoforme stoornissen 800-1799 minuten', ARRAY['247'], 'dbc', 2462.48, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_248', 'Specialistische jeugd-GGZ: Somatoforme stoornissen', 'Somatoforme stoornissen 1800-2999 minuten', ARRAY['248'], 'dbc', 4346.34, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_249', 'Specialistische jeugd-GGZ: Somatoforme stoornissen', 'Somatoforme stoornissen 3000-5999 minuten', ARRAY['249'], 'dbc', 6897.41, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_250', 'Specialistische jeugd-GGZ: Somatoforme stoornissen', 'Somatoforme stoornissen 6000-11999 minuten', ARRAY['250'], 'dbc', 13685.59, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_251', 'Specialistische jeugd-GGZ: Somatoforme stoornissen', 'Somatoforme stoornissen vanaf 12000 minuten', ARRAY['251'], 'dbc', 23711.50, 'nvt', NULL, NULL, NULL, 12000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),

-- Specialistische jeugd-GGZ: Eetstoornissen
    ('sggz_252', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen 250-799 minuten', ARRAY['252'], 'dbc', 1152.45, 'nvt', NULL, NULL, NULL, 250, 799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_253', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen 800-1799 minuten', ARRAY['253'], 'dbc', 2360.57, 'nvt', NULL, NULL, NULL, 800, 1799, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_254', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen 1800-2999 minuten', ARRAY['254'], 'dbc', 4231.02, 'nvt', NULL, NULL, NULL, 1800, 2999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_255', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen 3000-5999 minuten', ARRAY['255'], 'dbc', 7022.28, 'nvt', NULL, NULL, NULL, 3000, 5999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_256', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen 6000-11999 minuten', ARRAY['256'], 'dbc', 14092.42, 'nvt', NULL, NULL, NULL, 6000, 11999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_257', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen 12000-17999 minuten', ARRAY['257'], 'dbc', 21266.99, 'nvt', NULL, NULL, NULL, 12000, 17999, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('sggz_258', 'Specialistische jeugd-GGZ: Eetstoornissen', 'Eetstoornissen vanaf 18000 minuten', ARRAY['258'], 'dbc', 31366.20, 'nvt', NULL, NULL, NULL, 18000, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01');

-- Basis GGZ. The source prints Basis GGZ Chronisch (180004) inside the
-- Hulpverlening CARE block, after Behandeling; the other four follow the
-- specialistische DBC's. All five are kept together here.
INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief, max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, geldig_van) VALUES
    ('basis_ggz_kort', 'Basis GGZ', 'Basis GGZ kort', ARRAY['180001'], 'traject', 461.89, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('basis_ggz_middel', 'Basis GGZ', 'Basis GGZ middel', ARRAY['180002'], 'traject', 787.00, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('basis_ggz_intensief', 'Basis GGZ', 'Basis GGZ intensief', ARRAY['180003'], 'traject', 1234.06, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('basis_ggz_chronisch', 'Basis GGZ', 'Basis GGZ chronisch', ARRAY['180004'], 'traject', 1138.98, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01'),
    ('basis_ggz_onvolledig_behandeltraject', 'Basis GGZ', 'Basis GGZ onvolledig behandeltraject', ARRAY['180005'], 'traject', 179.10, 'nvt', NULL, NULL, NULL, NULL, NULL, NULL, 'Bijlage PGB Tarieven 2015', '2015-01-01');
