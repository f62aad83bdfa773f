-- Minimum (youth) wage per hour, per age 15..22, as dated data.
--
-- Use: Nadere regels Jeugdhulp 2015, art. 4.4.1 sub e. The PGB payment for
-- informal help by a helper younger than 23 is based on "het wettelijk
-- gestelde en door SVB gehanteerde minimumloon". per_uur is the gross
-- statutory minimum for the helper's age, WITHOUT the 8% vakantiegeld and
-- WITHOUT vakantie-uren. Only ages 15..22 are stored (23+ is out of scope of
-- sub e). geldig_tot is exclusive; NULL marks the newest period.
--
-- BASIS
--
-- 2015: before 2024 the law fixed minimum wages per month/week/day only.
--   Rijksoverheid published hourly amounts "als richtlijn" for a full-time
--   week of 36, 38 or 40 hours (weekloon / uren, rounded to the cent).
--   Stored here: the 36-HOUR basis, because
--     (a) the 2024 reform that introduced the single statutory hourly wage
--         took a 36-hour week as its basis (ahead.nl, "Wettelijk minimumloon
--         per 1 januari 2024 verhoogd"; check: 1 July 2023 weekloon 460,40 /
--         36 = 12,79 x 1,0375 = 13,27, the 2024 hourly wage), so the 2015 rows
--         and the 2025/2026 rows are on the same basis;
--     (b) as a CAP, the highest of the three published figures never rejects
--         a payment that is lawful under any full-time norm.
--   NOT FOUND: an SVB publication of the hourly minimum it used for pgb
--   budgethouders in 2015 (or of the working week it assumed). The SVB
--   "minimumloon en vakantiegeld" tables found start with 1 July 2019 and
--   do not state a weekly-hours basis. If the municipality knows the SVB's
--   2015 figure, replace the 2015 rows.
--   Alternatives (Rijksoverheid rounding, same sources):
--       age        1 Jan 2015: 36h / 38h / 40h     1 Jul 2015: 36h / 38h / 40h
--       22         8,18 / 7,75 / 7,36               8,22 / 7,78 / 7,39
--       21         6,98 / 6,61 / 6,28               7,01 / 6,64 / 6,31
--       20         5,92 / 5,61 / 5,33               5,94 / 5,63 / 5,35
--       19         5,05 / 4,79 / 4,55               5,07 / 4,81 / 4,57
--       18         4,38 / 4,15 / 3,94               4,40 / 4,17 / 3,96
--       17         3,80 / 3,60 / 3,42               3,82 / 3,62 / 3,44
--       16         3,32 / 3,15 / 2,99               3,33 / 3,16 / 3,00
--       15         2,89 / 2,74 / 2,60               2,90 / 2,75 / 2,61
--       (23+       9,63 / 9,12 / 8,66               9,67 / 9,16 / 8,70)
--   1 Jan 2015 hourly amounts: published by Rijksoverheid ("Hoe hoog is het
--   minimumloon per uur?", read on the copy at
--   http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur).
--   1 Jul 2015 hourly amounts for ages 15..22: DERIVED as
--   round(weekloon / uren, 2), half up. That formula reproduces all 27
--   published 1 Jan 2015 amounts; the 23+ July amounts 9,67/9,16/8,70 are
--   published (bosvanderburg.nl, "Minimumloon per 1 juli 2015", citing P&O
--   Actueel); a third-party table on jobnet.nl ("Minimumloon 2015", wrongly
--   captioned "per 1 januari 2013") shows exactly the derived values.
--   Weekly minimum (youth) wages used (EUR, per week; percentage of 23+):
--       age   %      1 Jan 2015   1 Jul 2015
--       23+  100      346,55       347,95   (per maand 1.501,80 / 1.507,80)
--       22    85      294,55       295,75
--       21    72,5    251,25       252,25
--       20    61,5    213,15       214,00
--       19    52,5    181,95       182,65
--       18    45,5    157,70       158,30
--       17    39,5    136,90       137,45
--       16    34,5    119,55       120,05
--       15    30      103,95       104,40
--   Sources: 1 Jan 2015: salarishrm.nl/std/blog-salarishrm/item/28 and
--   accountantskantoorderuiter.nl/wettelijk-minimumloon-januari-2015/
--   (Stcrt. 23-10-2014); 1 Jul 2015: rendement.nl "Minimumlonen per 1 juli
--   2015 gepubliceerd" (monthly amounts also bosvanderburg.nl, jonglaan.nl).
--   (glasbrancheorganisatie.nl labels the 1 July 2014 amounts, 1.495,20 etc.,
--   as "1 januari 2015"; not used.)
--
-- 2025 and 2026: one statutory gross hourly minimum wage since 1 Jan 2024;
--   the adult rate applies from 21 (so 21 and 22 carry 100%), youth rates are
--   fixed percentages: 20 80%, 19 60%, 18 50%, 17 39,5%, 16 34,5%, 15 30%.
--   (The Rijksoverheid page "percentages-minimumjeugdloon" in the search
--   copy still shows the 2017-2019 scale, 22 = 100%; not used.)
--   1 Jan 2025: SVB table for pgb (uurloon without vakantiegeld), equal to
--     the SZW besluit 2024-0000675332. SVB also lists "met vakantiegeld"
--     (x 1,08) and "met vakantiegeld en vakantie-uren": for 21+ 15,19 / 16,46,
--     20: 12,15 / 13,17, 19: 9,12 / 9,88, 18: 7,60 / 8,23, 17: 6,00 / 6,50,
--     16: 5,24 / 5,68, 15: 4,56 / 4,94. If the municipality pays informal
--     help including vakantiegeld, apply x 1,08 on top of per_uur.
--   1 Jul 2025: Rijksoverheid news of 4-12-2025 (table "huidig bedrag"),
--     SZW besluit 2025-0000069776 (Stcrt. 2025, 12264).
--   1 Jan 2026: SZW besluit 2025-0000213859 of 9-10-2025 (table read on
--     admintrend.nl / vertiadvies.nl); EUR 14,71 for 21+ confirmed by the
--     Rijksoverheid overview "Wat verandert er op 1 januari 2026" (as
--     reprinted by salarisvanmorgen.nl, westerwoldeactueel.nl). The youth
--     amounts equal round(14,71 x percentage, 2).
--   1 Jul 2026: not found published in the sources read; not loaded.
--   Announced: from 1 Jan 2027 new youth percentages (20 87,5%, 19 75%,
--   18 62,5%, 17 50%, 16 40%, 15 30%) by AMvB (Rijksoverheid news
--   24-4-2025 and 4-12-2025); a new period must be added then.
--
-- GAP: 2016-01-01 .. 2024-12-31 is NOT loaded. The 1 Jul 2015 rows end at
-- 2016-01-01; a lookup for a date in 2016-2024 finds no row.

INSERT INTO minimumloon (leeftijd, per_uur, geldig_van, geldig_tot, bron) VALUES
    (22, 8.18, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 22 jaar, kolom 36 uur per week: EUR 8,18 (= weekloon EUR 294,55 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (21, 6.98, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 21 jaar, kolom 36 uur per week: EUR 6,98 (= weekloon EUR 251,25 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (20, 5.92, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 20 jaar, kolom 36 uur per week: EUR 5,92 (= weekloon EUR 213,15 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (19, 5.05, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 19 jaar, kolom 36 uur per week: EUR 5,05 (= weekloon EUR 181,95 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (18, 4.38, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 18 jaar, kolom 36 uur per week: EUR 4,38 (= weekloon EUR 157,70 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (17, 3.80, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 17 jaar, kolom 36 uur per week: EUR 3,80 (= weekloon EUR 136,90 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (16, 3.32, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 16 jaar, kolom 36 uur per week: EUR 3,32 (= weekloon EUR 119,55 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (15, 2.89, DATE '2015-01-01', DATE '2015-07-01', 'Rijksoverheid, ''Hoe hoog is het minimumloon per uur?'', bedragen minimumloon per uur (bruto) per 1 januari 2015, 15 jaar, kolom 36 uur per week: EUR 2,89 (= weekloon EUR 103,95 / 36); gelezen op kopie http://szw.rijksopenheid.nl/206/hoe-hoog-is-het-minimumloon-per-uur'),
    (22, 8.22, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 22 jaar, EUR 295,75 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (21, 7.01, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 21 jaar, EUR 252,25 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (20, 5.94, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 20 jaar, EUR 214,00 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (19, 5.07, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 19 jaar, EUR 182,65 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (18, 4.40, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 18 jaar, EUR 158,30 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (17, 3.82, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 17 jaar, EUR 137,45 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (16, 3.33, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 16 jaar, EUR 120,05 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (15, 2.90, DATE '2015-07-01', DATE '2016-01-01', 'Afgeleid: minimumjeugdloon per week per 1 juli 2015, 15 jaar, EUR 104,40 (Regeling aanpassing WML, Stcrt. 20-04-2015; tabel o.a. https://www.rendement.nl/minimumloon/nieuws/minimumlonen-per-1-juli-2015-gepubliceerd.html) / 36 uur, afgerond op centen (rekenwijze Rijksoverheid-uurtabel)'),
    (22, 14.06, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 21 jaar en ouder, uurloon zonder vakantiegeld: EUR 14,06 (100% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (21, 14.06, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 21 jaar en ouder, uurloon zonder vakantiegeld: EUR 14,06 (100% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (20, 11.25, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 20 jaar, uurloon zonder vakantiegeld: EUR 11,25 (80% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (19, 8.44, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 19 jaar, uurloon zonder vakantiegeld: EUR 8,44 (60% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (18, 7.03, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 18 jaar, uurloon zonder vakantiegeld: EUR 7,03 (50% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (17, 5.55, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 17 jaar, uurloon zonder vakantiegeld: EUR 5,55 (39,5% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (16, 4.85, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 16 jaar, uurloon zonder vakantiegeld: EUR 4,85 (34,5% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (15, 4.22, DATE '2025-01-01', DATE '2025-07-01', 'SVB, ''Bruto bedragen minimumlonen vanaf 1 januari 2025'' (https://svb.nl/nl/pgb/een-zorgovereenkomst-afsluiten/bedragen-minimumlonen-vanaf-1-januari-2025), 15 jaar, uurloon zonder vakantiegeld: EUR 4,22 (30% van het minimumuurloon; besluit SZW 2024-0000675332)'),
    (22, 14.40, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 21 jaar en ouder: EUR 14,40 per uur (100%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (21, 14.40, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 21 jaar en ouder: EUR 14,40 per uur (100%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (20, 11.52, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 20 jaar: EUR 11,52 per uur (80%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (19, 8.64, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 19 jaar: EUR 8,64 per uur (60%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (18, 7.20, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 18 jaar: EUR 7,20 per uur (50%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (17, 5.69, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 17 jaar: EUR 5,69 per uur (39,5%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (16, 4.97, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 16 jaar: EUR 4,97 per uur (34,5%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (15, 4.32, DATE '2025-07-01', DATE '2026-01-01', 'Rijksoverheid, nieuws 4-12-2025 ''Internetconsultatie: Verhoging minimumjeugdloon 2027'' (https://www.rijksoverheid.nl/actueel/nieuws/2025/12/04/internetconsultatie-verhoging-minimumjeugdloon-2027), huidig bedrag 15 jaar: EUR 4,32 per uur (30%); minimumuurloon per 1 juli 2025 (besluit SZW 2025-0000069776, Stcrt. 2025, 12264)'),
    (22, 14.71, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 21 jaar en ouder: EUR 14,71 per uur (100% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (21, 14.71, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 21 jaar en ouder: EUR 14,71 per uur (100% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (20, 11.77, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 20 jaar: EUR 11,77 per uur (80% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (19, 8.83, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 19 jaar: EUR 8,83 per uur (60% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (18, 7.36, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 18 jaar: EUR 7,36 per uur (50% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (17, 5.81, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 17 jaar: EUR 5,81 per uur (39,5% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (16, 5.07, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 16 jaar: EUR 5,07 per uur (34,5% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026'''),
    (15, 4.41, DATE '2026-01-01', NULL, 'Minimumuurloon per 1 januari 2026 (besluit SZW 2025-0000213859, 9-10-2025), 15 jaar: EUR 4,41 per uur (30% van EUR 14,71); tabel gelezen op https://www.admintrend.nl/actueel/minimumuurloon-naar-eur-14.71, EUR 14,71 bevestigd door Rijksoverheid ''Wat verandert er op 1 januari 2026''');
