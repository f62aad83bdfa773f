-- Complete zaken for the benchmark, as the API and the CJG's steps would
-- have left them, numbers :van to :tot (run again with the next range to
-- grow the database). tests/bench/run.sh runs it as the superuser postgres:
-- row-level security is not in the way, and with session_replication_role
-- = replica the foreign-key triggers are skipped (the rows below are made
-- consistent by construction: every id is derived from its number), which
-- makes a million zaken minutes instead of tens of minutes.
--
-- Each zaak n belongs to family n*5/8 (1.6 zaken a family, siblings and
-- repeat requests next to each other); a family has one or two
-- gezaghebbenden, two children, one gemeente (skewed: a few large, many
-- small), BSNs that pass the 11-proef (200000000-250000000, away from the
-- test BSNs). Routes, referrers (5000 huisartsen, jeugdartsen, specialists;
-- 40 GIs and courts), statuses along the procedure (history rows,
-- deadlines, gezinsplan, casusregisseur, toewijzingen with their providers),
-- Idempotency-Keys and two access-log rows (created, read) are spread by a
-- hash of the number, so any range has the same mix.
-- Variables: van, tot (zaak numbers), gemeenten (the CBS codes, comma-separated).

SET session_replication_role = replica;
SET synchronous_commit = off;
SET client_min_messages = warning;
SET temp_buffers = '512MB';
SET work_mem = '128MB';

-- A number in [0, 1) from n and a salt: the same for the same n in every run.
CREATE FUNCTION pg_temp.u(n bigint, salt bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
    SELECT (hashint8extended(n, salt) & 2147483647)::double precision / 2147483648
$$;

-- Person p's BSN: 8 digits from p, then the check digit of the 11-proef
-- (plain expressions, so that PostgreSQL inlines them: three times faster).
CREATE FUNCTION pg_temp.elfproef(n bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
    SELECT (9 * (n / 10000000 % 10) + 8 * (n / 1000000 % 10) + 7 * (n / 100000 % 10) +
            6 * (n / 10000 % 10) + 5 * (n / 1000 % 10) + 4 * (n / 100 % 10) +
            3 * (n / 10 % 10) + 2 * (n % 10)) % 11
$$;
CREATE FUNCTION pg_temp.bsn_van(n bigint, c bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN c = 10 THEN ((n + 1) * 10 + 1)::text ELSE (n * 10 + c)::text END
$$;
CREATE FUNCTION pg_temp.bsn(p bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.bsn_van(20000000 + 2 * p, pg_temp.elfproef(20000000 + 2 * p))
$$;

CREATE TEMP TABLE b AS
WITH g AS (SELECT string_to_array(:'gemeenten', ',') AS codes),
n AS (
    SELECT i, i * 5 / 8 AS f, pg_temp.u(i, 1) AS r_route, pg_temp.u(i, 2) AS r_wie,
           pg_temp.u(i, 5) AS r_stap, pg_temp.u(i, 6) AS r_tijd, pg_temp.u(i, 7) AS r_besluit
    FROM generate_series(:van::bigint, :tot::bigint) AS i
),
r AS (
    SELECT n.*, CASE WHEN r_route < 0.55 THEN 'verwijzing' WHEN r_route < 0.75 THEN 'melding'
                     WHEN r_route < 0.87 THEN 'mandaat' ELSE 'overdracht' END AS route
    FROM n
),
w AS (
    SELECT r.*,
           CASE route
               WHEN 'verwijzing' THEN CASE WHEN r_wie < 0.8 THEN 'huisarts' WHEN r_wie < 0.9 THEN 'jeugdarts'
                                      ELSE 'medisch_specialist' END
               WHEN 'mandaat' THEN CASE WHEN r_wie < 0.7 THEN 'gi' WHEN r_wie < 0.85 THEN 'rechter'
                                   WHEN r_wie < 0.95 THEN 'om' ELSE 'jji' END
               WHEN 'melding' THEN CASE WHEN r_wie < 0.6 THEN 'ouder' WHEN r_wie < 0.7 THEN 'jeugdige'
                                   ELSE 'cjg' END
               ELSE CASE WHEN r_wie < 0.7 THEN 'plein' ELSE 'gst' END END AS rol,
           -- 30 % received, 20 % in the first steps, 20 % further on, 30 % decided.
           CASE WHEN r_stap < 0.3 THEN 0 WHEN r_stap < 0.5 THEN 1 + floor((r_stap - 0.3) * 15)::int
                WHEN r_stap < 0.7 THEN 4 + floor((r_stap - 0.5) * 20)::int ELSE 8 END AS stap,
           CASE WHEN r_stap >= 0.7 THEN CASE WHEN r_besluit < 0.7 THEN 'toegekend'
                WHEN r_besluit < 0.85 THEN 'gedeeltelijk_toegekend' ELSE 'afgewezen' END END AS besluit,
           -- 3.7.4: a verwijzing or mandaat may be decided right after receipt.
           route IN ('verwijzing', 'mandaat') AND pg_temp.u(i, 15) < 0.5 AS kort
    FROM r
),
v AS (
    SELECT w.*,
           CASE WHEN route = 'verwijzing' THEN to_char(CASE rol WHEN 'huisarts' THEN 2000000
               WHEN 'jeugdarts' THEN 2100000 ELSE 2200000 END + floor(pg_temp.u(i, 8) * 5000)::int,
               'FM00000000') END AS agb,
           CASE WHEN route = 'mandaat' THEN '0000000' ||
               to_char(900000000000 + floor(pg_temp.u(i, 8) * 40)::int, 'FM0000000000000') END AS org,
           CASE rol WHEN 'huisarts' THEN '02' WHEN 'jeugdarts' THEN '03' WHEN 'medisch_specialist' THEN '05'
               WHEN 'gi' THEN '04' WHEN 'ouder' THEN '06' WHEN 'jeugdige' THEN '06'
               WHEN 'rechter' THEN '08' WHEN 'om' THEN '08' WHEN 'jji' THEN '08' ELSE '01' END AS vtype,
           CASE WHEN besluit IN ('toegekend', 'gedeeltelijk_toegekend') THEN
               ARRAY(SELECT DISTINCT a FROM unnest(ARRAY[
                   '03' || to_char(floor(pg_temp.u(i, 9) * 300)::int, 'FM000000'),
                   CASE WHEN pg_temp.u(i, 10) < 0.3 THEN
                       '03' || to_char(floor(pg_temp.u(i, 11) * 300)::int, 'FM000000') END]) AS a
                   WHERE a IS NOT NULL ORDER BY 1)
               ELSE '{}' END AS agbs
    FROM w
),
p AS (
    SELECT v.*, md5('zaak' || i)::uuid AS id, md5('gezin' || f)::uuid AS gezin,
           g.codes[1 + floor(cardinality(g.codes) * pg_temp.u(f, 3) ^ 2)::int] AS gemeente,
           pg_temp.bsn(4 * f + 2 + i % 2) AS kind,
           pg_temp.bsn(4 * f) AS ouder1,
           CASE WHEN f % 3 <> 0 THEN pg_temp.bsn(4 * f + 1) END AS ouder2,
           (ARRAY['Sam', 'Noah', 'Emma', 'Liam', 'Julia', 'Daan', 'Mila', 'Finn', 'Tess', 'Luuk'])
               [1 + (4 * f + 2 + i % 2) % 10] AS voornaam,
           (ARRAY['de Vries', 'Jansen', 'de Jong', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder',
                  'Yilmaz', 'El Amrani', 'Bos', 'Vos'])[1 + f % 12] AS achternaam,
           date '2010-01-01' + (pg_temp.u(4 * f + 2 + i % 2, 4) * 5800)::int AS geboortedatum,
           now() - r_tijd * interval '3 years' AS aangemaakt,
           r_tijd < 0.01 AS spoed
    FROM v, g
)
SELECT p.*, CASE WHEN agb IS NOT NULL THEN agb WHEN org IS NOT NULL THEN org
                 WHEN rol = 'ouder' THEN ouder1 WHEN rol = 'jeugdige' THEN kind ELSE gemeente END AS wie,
       -- The referentie's number from the portal's own sequence: no clash with the API's.
       nextval('zaak_referentie_seq')::text AS nr
FROM p;

INSERT INTO gezin (id, aangemaakt)
SELECT gezin, min(aangemaakt) FROM b GROUP BY gezin ON CONFLICT (id) DO NOTHING;

INSERT INTO zaak (id, referentie, route, status, verantwoordelijke_gemeente, woonplaats_te_bepalen,
    hulpvraag, spoed, voortzetting, aangemaakt, aangemaakt_door_rol, aangemaakt_door,
    verwijzer_type, verwijzer_agb, verwijzer_org, verwijzer_specialisme, verwijzing_reden,
    productcategorie, partij_bsn, maatregel, uitspraakdatum, kenmerk, toestemming_gegevensdeling,
    andere_domeinen, gezin_id, juridische_status, omvang, geprobeerd, team, aanbieder_agbs,
    behandelende_gemeente, buiten_regio, verwijzer_naam)
SELECT id,
       'JH-' || to_char(aangemaakt AT TIME ZONE 'Europe/Amsterdam', 'YYYY') || '-' ||
           lpad(nr, greatest(6, length(nr)), '0'),
       route,
       CASE WHEN besluit IS NOT NULL THEN besluit
            ELSE (ARRAY['ontvangen', 'ontvangst_bevestigd', 'vooronderzoek_afgerond', 'gesprek_gevoerd',
                        'verslag_verstrekt', 'gezinsplan_opgesteld', 'aanvraag_ontvangen', 'beoordeeld'])[stap + 1] END,
       gemeente, false,
       'Zorgen over de ontwikkeling en het gedrag thuis en op school; het gezin vraagt om hulp.',
       spoed, false, aangemaakt, rol, wie, vtype, agb, org,
       CASE WHEN rol = 'medisch_specialist' THEN 'kindergeneeskunde' END,
       CASE WHEN route IN ('verwijzing', 'overdracht') THEN 'Vermoeden van een ontwikkelingsstoornis.' END,
       CASE WHEN route = 'verwijzing' AND r_wie < 0.4 THEN '45' END,
       ARRAY[kind, ouder1] || CASE WHEN ouder2 IS NOT NULL THEN ARRAY[ouder2] ELSE '{}' END,
       CASE WHEN route = 'mandaat' THEN (ARRAY['ots', 'ots', 'jeugdreclassering', 'voogdij',
           'machtiging_gesloten_jeugdhulp', 'overig'])[1 + floor(r_wie * 6)::int] END,
       CASE WHEN route = 'mandaat' THEN (aangemaakt - interval '10 days')::date END,
       CASE WHEN route = 'mandaat' THEN 'C/13/' || (600000 + i % 99999) || ' JE RK' END,
       CASE WHEN route = 'overdracht' THEN true END,
       CASE WHEN route = 'melding' THEN '{"school": "verzuim", "wonen": "geen zorgen"}'::jsonb END,
       gezin,
       CASE WHEN route = 'mandaat' THEN (ARRAY['04', '04', '12', NULL, '01', NULL])[1 + floor(r_wie * 6)::int] END,
       CASE WHEN route = 'mandaat' THEN '{"volume": 4, "eenheid": "04", "frequentie": "2"}'::jsonb END,
       CASE WHEN route = 'overdracht' THEN '{"eigen_kracht": true, "netwerk": true}'::jsonb END,
       CASE WHEN route = 'overdracht' THEN ('{"naam": "Sociaal team ' || gemeente ||
           '", "contactpersoon": "J. Bakker", "telefoon": "0201234567"}')::jsonb END,
       agbs, gemeente, false,
       CASE WHEN route = 'verwijzing' THEN 'Huisartsenpraktijk ' || agb END
FROM b;

INSERT INTO betrokkene (id, zaak_id, rol, volgorde, bsn, naam, geboortedatum, gemeente, geslacht)
SELECT md5('betrokkene' || i || '-' || x.rol || x.volgorde)::uuid, id, x.rol, x.volgorde, x.bsn, x.naam,
       x.geboortedatum, x.gemeente, x.geslacht
FROM b, LATERAL (VALUES
    ('jeugdige', 0, kind, voornaam || ' ' || achternaam, geboortedatum, NULL, (ARRAY['1', '2'])[1 + i % 2]),
    ('gezaghebbende', 0, ouder1, 'Anna ' || achternaam, NULL, gemeente, NULL),
    ('gezaghebbende', 1, ouder2, 'Mark ' || achternaam, NULL, gemeente, NULL)) AS
    x (rol, volgorde, bsn, naam, geboortedatum, gemeente, geslacht)
WHERE x.bsn IS NOT NULL;

-- The history: receipt, the steps taken, and a decision; three days apart.
INSERT INTO zaak_status (zaak_id, status, tijdstip, toelichting, actor_rol, actor, actie, gegevens)
SELECT id, s.status, aangemaakt + k * interval '3 days',
       CASE WHEN k = 0 THEN 'Ontvangen (' || route || ').' ELSE 'Stap gezet door het CJG.' END,
       CASE WHEN k = 0 THEN rol ELSE 'cjg' END, CASE WHEN k = 0 THEN wie ELSE gemeente END,
       s.actie, CASE WHEN k > 0 THEN '{"motivering": "Volgens de Nadere regels."}'::jsonb END
FROM b, LATERAL (
    SELECT k, (ARRAY['ontvangen', 'ontvangst_bevestigd', 'vooronderzoek_afgerond', 'gesprek_gevoerd',
                     'verslag_verstrekt', 'gezinsplan_opgesteld', 'aanvraag_ontvangen', 'beoordeeld'])[k + 1]
              AS status,
           (ARRAY[NULL, 'ontvangst_bevestigen', 'vooronderzoek', 'gesprek', 'verslag', 'gezinsplan',
                  'aanvraag', 'beoordeling'])[k + 1] AS actie
    FROM generate_series(0, CASE WHEN besluit IS NULL THEN stap WHEN kort THEN 0 ELSE 7 END) AS k
    UNION ALL
    SELECT CASE WHEN kort THEN 1 ELSE 8 END, besluit, 'beschikken' WHERE besluit IS NOT NULL) s;

-- Deadlines still running: receipt's (verwijzing, mandaat, spoed), the
-- verslag after a gesprek, the beschikking after an aanvraag.
INSERT INTO zaak_termijn (zaak_id, naam, datum, grondslag)
SELECT id, t.naam, t.datum, t.grondslag FROM b, LATERAL (VALUES
    ('beschikking', (aangemaakt + CASE WHEN stap >= 6 THEN interval '26 weeks' ELSE interval '8 weeks' END)::date,
     'Awb art. 4:13: beschikking binnen acht weken na ontvangst van de aanvraag',
     besluit IS NULL AND (route = 'verwijzing' OR stap >= 6)),
    ('toewijzing', (aangemaakt + interval '7 days')::date,
     'Gedwongen kader: toewijzing binnen 5 werkdagen', besluit IS NULL AND route = 'mandaat'),
    ('tijdelijke_maatregel', (aangemaakt + interval '1 day')::date,
     'Nadere regels art. 3.1.3', besluit IS NULL AND spoed AND stap = 0),
    ('verslag', (aangemaakt + interval '30 days')::date,
     'Nadere regels art. 3.4.1: verslag binnen 15 werkdagen na het gesprek', besluit IS NULL AND stap = 3))
    AS t (naam, datum, grondslag, geldt)
WHERE t.geldt;

INSERT INTO gezinsplan (gezin_id, zaak_id, tijdstip, actor_rol, actor, gegevens)
SELECT gezin, id, aangemaakt + interval '15 days', 'cjg', gemeente,
       '{"doelen": ["rust thuis", "naar school"], "afspraken": "wekelijks contact"}'::jsonb
FROM b WHERE (stap >= 5 AND besluit IS NULL) OR (besluit IS NOT NULL AND NOT kort);

INSERT INTO gezin_regisseur (gezin_id, soort, naam, organisatie, telefoon, toelichting, vanaf, actor_rol, actor)
SELECT gezin, CASE WHEN route = 'overdracht' THEN 'team' ELSE 'cjg' END,
       CASE WHEN route = 'overdracht' THEN 'J. Bakker' ELSE 'M. de Boer' END,
       CASE WHEN route = 'overdracht' THEN 'Sociaal team ' || gemeente ELSE 'CJG ' || gemeente END,
       '0201234567', 'Casusregisseur (art. 2).', aangemaakt + interval '6 days',
       CASE WHEN route = 'overdracht' THEN rol ELSE 'cjg' END, gemeente
FROM b WHERE route = 'overdracht' OR stap >= 3;

INSERT INTO toewijzing (zaak_id, omschrijving, productcategorie, aanbieder_agb, vorm, ingangsdatum,
    einddatum, omvang, aangemaakt, gestart_op, productcode, budget)
SELECT id, 'Jeugdhulp ambulant', '45', a, CASE WHEN pg_temp.u(i, 12) < 0.15 THEN 'pgb' ELSE 'natura' END,
       (aangemaakt + interval '60 days')::date, (aangemaakt + interval '425 days')::date,
       '{"volume": 2, "eenheid": "04", "frequentie": "2"}'::jsonb, aangemaakt + interval '55 days',
       CASE WHEN pg_temp.u(i, 13) < 0.8 THEN (aangemaakt + interval '70 days')::date END, '45A01', 2400
FROM b, unnest(agbs) AS a;

INSERT INTO idempotentie (aanroeper, sleutel, body_hash, zaak_id, aangemaakt)
SELECT 'p-' || left(md5('aanroeper' || rol || wie), 32), 'bench-fill-' || i,
       encode(sha256(('body' || i)::bytea), 'hex'), id, aangemaakt
FROM b WHERE pg_temp.u(i, 14) < 0.8;

-- The access log as NEN 7513 leaves it: the create, and one read.
INSERT INTO toegangslog (tijdstip, request_id, rol, actor, actie, zaak_id, persoon_ref, uitkomst, herkomst, sub, namens)
SELECT aangemaakt + x.na, md5('request' || i || x.actie), x.rol, x.actor, x.actie, id::text,
       'p-' || left(md5('persoon' || kind), 32), x.uitkomst, '127.0.0.1', 'bench-' || x.rol,
       x.namens
FROM b, LATERAL (VALUES
    (interval '0', rol, wie, 'zaak.aanmaken', 'aangemaakt',
     CASE WHEN agb IS NOT NULL THEN 'agb:' || agb WHEN org IS NOT NULL THEN 'org:' || org
          WHEN rol IN ('ouder', 'jeugdige') THEN 'bsn:p-' || left(md5(wie), 32) ELSE 'gemeente:' || gemeente END),
    (interval '1 day', 'cjg', gemeente, 'zaak.lezen', 'gelezen', 'gemeente:' || gemeente))
    AS x (na, rol, actor, actie, uitkomst, namens);
