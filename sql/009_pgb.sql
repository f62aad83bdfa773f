-- The second beslismoment made exact: which help, from whom, at what price,
-- in natura or as a persoonsgebonden budget (Nadere regels chapter 4 and the
-- bijlagen "PGB Tarieven 2015" and "Gebruikelijke hulp"; productenboek seed).
--
-- Everything that changes by year or region is a dated row: geldig_van
-- inclusive, geldig_tot exclusive (the first day it no longer holds, as in
-- termijnregel), gemeente NULL for the whole region. A newer table is added
-- with its own geldig_van (and the old rows get a geldig_tot), never by
-- editing rows. The figures themselves are in 010 (tariffs) and 011 (minimum
-- wages); pgb_bereken() is the one calculation, for the budget calculator and
-- for the budget stored with a beschikking.

-- Bijlage PGB Tarieven 2015: one row per line of the table.
CREATE TABLE pgb_tarief (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sleutel         text NOT NULL CHECK (sleutel ~ '^[a-z0-9_]{1,64}$'),
    groep           text NOT NULL,
    omschrijving    text NOT NULL,
    codes           text[] NOT NULL DEFAULT '{}',
    eenheid         text NOT NULL
        CHECK (eenheid IN ('uur', 'dag', 'dagdeel', 'etmaal', 'traject', 'client_jaar', 'km', 'dbc')),
    -- NULL: "geen pgb mogelijk".
    formeel_tarief  numeric(10,2) CHECK (formeel_tarief >= 0),
    -- tarief: the table's informal maximum; nvt: no informal help (N.v.t.);
    -- geen_pgb: no PGB at all; niet_genoemd: the column is empty.
    informeel       text NOT NULL CHECK (informeel IN ('tarief', 'nvt', 'geen_pgb', 'niet_genoemd')),
    informeel_tarief numeric(10,2) CHECK (informeel_tarief >= 0),
    max_per_week    numeric(6,2),
    -- Logeeropvang: the rate plus hulpverlening is at most this per etmaal (4.4.1 sub g).
    totaal_max      numeric(10,2),
    -- Specialist GGZ DBC rows: the band of minutes (tot inclusive, NULL open).
    minuten_van     integer,
    minuten_tot     integer,
    -- Why no PGB is possible for this row (the table, or 4.2.4 sub h); NULL when it is.
    pgb_uitsluiting text,
    bron            text NOT NULL,
    gemeente        char(4),
    geldig_van      date NOT NULL,
    geldig_tot      date,
    CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
    CHECK ((informeel = 'tarief') = (informeel_tarief IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (sleutel, gemeente, geldig_van)
);

-- The rules of chapter 4 that carry a figure or a sentence the answer quotes.
CREATE TABLE pgb_regel (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    naam       text NOT NULL,
    waarde     numeric(10,2),
    artikel    text NOT NULL,
    grondslag  text NOT NULL,
    gemeente   char(4),
    geldig_van date NOT NULL,
    geldig_tot date,
    CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
    UNIQUE NULLS NOT DISTINCT (naam, gemeente, geldig_van)
);
INSERT INTO pgb_regel (naam, waarde, artikel, grondslag, geldig_van) VALUES
    ('natura', NULL, 'art. 4.4.1 sub d',
     'Het pgb-tarief bedraagt ten hoogste de kostprijs van de goedkoopst adequate voorziening in natura', '2015-01-01'),
    ('informeel_tabel', NULL, 'Bijlage PGB tarieven 2015',
     'Het maximumtarief voor informele hulp in de bijlage PGB tarieven', '2015-01-01'),
    -- waarde: the age from which 4.4.1 sub f applies instead of sub e.
    ('informeel_minimumloon', 23, 'art. 4.4.1 sub e',
     'De vergoeding voor informele hulp is voor jongeren tot 23 jaar gebaseerd op het minimumloon', '2015-01-01'),
    ('informeel_max_uur', 20.00, 'art. 4.4.1 sub f',
     'Informele hulp door hulpverleners van 23 jaar en ouder: ten hoogste 20 euro per uur', '2015-01-01'),
    ('logeeropvang', NULL, 'art. 4.4.1 sub g',
     'Logeeropvang is gemaximeerd per etmaal: met hulpverlening ten hoogste het totaal van de bijlage', '2015-01-01'),
    ('max_per_week', NULL, 'Bijlage PGB tarieven 2015',
     'Het maximale aantal uren per week in de bijlage PGB tarieven', '2015-01-01'),
    -- waarde: months.
    ('vog', 3, 'art. 4.3.3',
     'Een informele hulpverlener die op een ander adres woont dan de jeugdige, overlegt een VOG '
     'die niet langer dan 3 maanden geleden is afgegeven', '2015-01-01'),
    ('informeel_per_uur', NULL, 'art. 4.4.1 sub e en f',
     'Informele hulp wordt per uur vergoed; de bijlage noemt voor deze voorziening geen tarief per '
     'andere eenheid', '2015-01-01');

-- Minimum wage per hour by age below the age of 4.4.1 sub f (rows in 011).
CREATE TABLE minimumloon (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    leeftijd   integer NOT NULL CHECK (leeftijd BETWEEN 12 AND 22),
    per_uur    numeric(6,2) NOT NULL CHECK (per_uur > 0),
    geldig_van date NOT NULL,
    geldig_tot date,
    bron       text NOT NULL,
    CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
    UNIQUE (leeftijd, geldig_van)
);

-- Bijlage Gebruikelijke hulp: the guideline per age band (leeftijd_tot
-- exclusive), shown with the gezinsplan.
CREATE TABLE gebruikelijke_hulp (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    leeftijd_van integer NOT NULL,
    leeftijd_tot integer NOT NULL CHECK (leeftijd_tot > leeftijd_van),
    omschrijving text NOT NULL,
    richtlijn    text[] NOT NULL,
    bron         text NOT NULL,
    geldig_van   date NOT NULL,
    geldig_tot   date,
    CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van)
);
INSERT INTO gebruikelijke_hulp (leeftijd_van, leeftijd_tot, omschrijving, richtlijn, bron, geldig_van) VALUES
    (0, 3, 'Kinderen van 0 tot 3 jaar', ARRAY[
        'hebben bij alle activiteiten zorg van een ouder nodig',
        'ouderlijk toezicht is zeer nabij nodig',
        'zijn in toenemende mate zelfstandig in bewegen en verplaatsen',
        'hebben begeleiding en stimulans nodig bij hun psychomotorische ontwikkeling',
        'hebben een beschermende woonomgeving nodig waarin de fysieke en sociale veiligheid is gewaarborgd en een passend pedagogisch klimaat wordt geboden'],
     'Bijlage Gebruikelijke hulp, Nadere regels 2015', '2015-01-01'),
    (3, 5, 'Kinderen van 3 tot 5 jaar', ARRAY[
        'kunnen niet zonder toezicht van volwassenen; dit toezicht kan binnenshuis korte tijd op gehoorafstand',
        'hebben begeleiding en stimulans nodig bij hun psychomotorische ontwikkeling',
        'kunnen zelf zitten, en op gelijkvloerse plaatsen zelf staan en lopen',
        'ontvangen zindelijkheidstraining van ouders/verzorgers',
        'hebben gedeeltelijk hulp en volledig stimulans en toezicht nodig bij aan- en uitkleden, eten en wassen, in- en uit bed komen, dag- en nachtritme en dagindeling bepalen',
        'hebben begeleiding nodig bij hun spel en vrijetijdsbesteding',
        'zijn niet in staat zich zonder begeleiding in het verkeer te begeven',
        'hebben een beschermende woonomgeving nodig waarin de fysieke en sociale veiligheid is gewaarborgd en een passend pedagogisch klimaat wordt geboden'],
     'Bijlage Gebruikelijke hulp, Nadere regels 2015', '2015-01-01'),
    (5, 12, 'Kinderen van 5 tot 12 jaar', ARRAY[
        'hebben een reguliere dagbesteding op school, oplopend van 22 tot 25 uur per week',
        'kunnen niet zonder toezicht van volwassenen; dit toezicht kan op enige afstand',
        'hebben toezicht nodig en nog maar weinig hulp bij hun persoonlijke verzorging',
        'hebben begeleiding en stimulans nodig bij hun psychomotorische ontwikkeling',
        'zijn overdag zindelijk, en ''s nachts merendeels ook; ontvangen zonodig zindelijkheidstraining van de ouders/verzorgers',
        'hebben begeleiding van een volwassene nodig in het verkeer van en naar school, activiteiten ter vervanging van school of vrijetijdsbesteding',
        'hebben een beschermende woonomgeving nodig waarin de fysieke en sociale veiligheid is gewaarborgd en een passend pedagogisch klimaat wordt geboden'],
     'Bijlage Gebruikelijke hulp, Nadere regels 2015', '2015-01-01'),
    (12, 18, 'Kinderen van 12 tot 18 jaar', ARRAY[
        'hebben geen voortdurend toezicht nodig van volwassenen',
        'kunnen vanaf 12 jaar enkele uren alleen gelaten worden',
        'kunnen vanaf 16 jaar dag en nacht alleen gelaten worden',
        'kunnen vanaf 18 jaar zelfstandig wonen',
        'hebben bij hun persoonlijke verzorging geen hulp en maar weinig toezicht nodig',
        'hebben tot 18 jaar een reguliere dagbesteding op school/opleiding',
        'hebben begeleiding en stimulans nodig bij ontplooiing en ontwikkeling (bv. huiswerk of het zelfstandig gaan wonen)',
        'wensen vanaf 12 jaar mogelijk geen intieme persoonlijke verzorging van hun ouders: die valt dan niet onder gebruikelijke hulp (WGBO)'],
     'Bijlage Gebruikelijke hulp, Nadere regels 2015', '2015-01-01');

-- The productenboek: what each provider offers, per region or gemeente, with
-- its natura tariff. Loaded by toegang-import (an import is all or nothing).
CREATE TABLE product_import (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bestand  text NOT NULL,
    regels   integer NOT NULL,
    tijdstip timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE product (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aanbieder_agb    char(8) NOT NULL CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
    aanbieder_naam   text NOT NULL,
    gemeente         char(4) CHECK (gemeente ~ '^[0-9]{4}$'),
    productcategorie char(2) NOT NULL,
    productcode      varchar(5) NOT NULL CHECK (productcode ~ '^[0-9A-Za-z]{1,5}$'),
    omschrijving     text NOT NULL,
    -- iJw WJ756 eenheid and WMO757 frequentie of the tariff.
    eenheid          char(2) NOT NULL,
    frequentie       char(1) NOT NULL,
    tarief           numeric(10,2) NOT NULL CHECK (tarief >= 0),
    -- The PGB tariff row this product corresponds to, if any (its informal
    -- maximum and exclusions then apply to a PGB in its place).
    pgb_tarief       text,
    geldig_van       date NOT NULL,
    geldig_tot       date,
    import_id        bigint NOT NULL REFERENCES product_import (id),
    CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van),
    UNIQUE NULLS NOT DISTINCT (aanbieder_agb, gemeente, productcode, geldig_van)
);
CREATE INDEX product_categorie ON product (productcategorie, geldig_van);
CREATE INDEX product_aanbieder ON product (aanbieder_agb, geldig_van);

REVOKE ALL ON pgb_tarief, pgb_regel, minimumloon, gebruikelijke_hulp, product, product_import FROM PUBLIC;
GRANT SELECT ON pgb_tarief, pgb_regel, minimumloon, gebruikelijke_hulp, product TO toegang_app;

-- 4.2.4 sub i: the PGB is to be used within six months of the grant.
ALTER TABLE termijnregel DROP CONSTRAINT termijnregel_eenheid_check;
ALTER TABLE termijnregel ADD CONSTRAINT termijnregel_eenheid_check
    CHECK (eenheid IN ('dagen', 'weken', 'werkdagen', 'kalenderdagen', 'maanden'));
INSERT INTO termijnregel (naam, gebeurtenis, route, aantal, eenheid, grondslag, geldig_van) VALUES
    ('pgb_besteding', 'toekenning_pgb', NULL, 6, 'maanden',
     'Nadere regels art. 4.2.4 sub i: het pgb binnen zes maanden na toekenning aanwenden', '2015-01-01');

-- What a toewijzing carries for the productenboek and the PGB: the iJw
-- product code, and for a PGB the calculated line (rate, units, amount, the
-- rule that capped it) and its budget.
ALTER TABLE toewijzing
    ADD COLUMN productcode varchar(5),
    ADD COLUMN pgb jsonb,
    ADD COLUMN budget numeric(12,2);

-- Declarations against a PGB toewijzing (4.4.5), kept with the outcome.
CREATE TABLE pgb_declaratie (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    toewijzing  integer NOT NULL REFERENCES toewijzing (nummer),
    zaak_id     uuid NOT NULL REFERENCES zaak (id),
    eenheden    numeric(10,2) NOT NULL,
    bedrag      numeric(12,2) NOT NULL,
    gegevens    jsonb NOT NULL,
    actor_rol   text NOT NULL,
    actor       text NOT NULL,
    ingediend   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX pgb_declaratie_toewijzing ON pgb_declaratie (toewijzing);
ALTER TABLE pgb_declaratie ENABLE ROW LEVEL SECURITY;
ALTER TABLE pgb_declaratie FORCE ROW LEVEL SECURITY;
CREATE POLICY pgb_declaratie_lezen ON pgb_declaratie FOR SELECT TO toegang_app
    USING (zaak_id_zichtbaar(zaak_id));
CREATE POLICY pgb_declaratie_aanmaken ON pgb_declaratie FOR INSERT TO toegang_app
    WITH CHECK (zaak_id_zichtbaar(zaak_id));
REVOKE ALL ON pgb_declaratie FROM PUBLIC;
GRANT SELECT, INSERT ON pgb_declaratie TO toegang_app;

-- One dated rule as of a date, for a gemeente (its own row first).
CREATE FUNCTION pgb_regel_op(p_naam text, p_datum date, p_gemeente bpchar) RETURNS pgb_regel
LANGUAGE sql STABLE AS $$
    SELECT r.* FROM pgb_regel r
     WHERE r.naam = p_naam AND r.geldig_van <= p_datum
       AND (r.geldig_tot IS NULL OR r.geldig_tot > p_datum)
       AND (r.gemeente IS NULL OR r.gemeente = p_gemeente)
     ORDER BY r.gemeente IS NULL, r.geldig_van DESC LIMIT 1
$$;

/*
 * The budget of PGB lines (4.4.1), as of each line's date (its `datum`, else
 * its ingangsdatum). A line (jsonb, shape checked by the caller):
 *   tarief (a pgb_tarief sleutel) or product {aanbieder_agb, productcode},
 *   hulp formeel|informeel, leeftijd_hulpverlener, woont_elders, vog_datum,
 *   productcategorie, volume, eenheid, per dag|week|maand|totaal,
 *   ingangsdatum, einddatum, datum, hulpverlening_per_etmaal, tarief_gevraagd.
 * p_maatregel: the mandaat's maatregel, for the exclusions of 4.2.4 sub h.
 * -> {regels: [{i, tarief, omschrijving, hulp, eenheid, datum, max_tarief,
 *     tarief_per_eenheid, eenheden, bedrag, regel, grondslag}], totaal,
 *     fouten: [{i, veld, reden}]}: a line with a fout has no result.
 * The cap is the lowest of the rules that apply; on a tie the more specific
 * rule is named (natura, then the table, then the article on informal help).
 */
CREATE FUNCTION pgb_bereken(p_regels jsonb, p_gemeente bpchar, p_maatregel text, p_vandaag date)
RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r jsonb;
    i integer := -1;
    t pgb_tarief;
    pr product;
    rg pgb_regel;
    v_datum date; v_van date; v_tot date;
    v_hulp text; v_eenheid text; v_cat text; v_omschrijving text; v_sleutel text;
    v_max numeric; v_regel text; v_grondslag text; v_natura numeric;
    v_loon numeric; v_extra numeric; v_volume numeric; v_perioden numeric;
    v_eenheden numeric; v_tarief numeric; v_bedrag numeric; v_maanden integer;
    v_leeftijd integer; v_per_week numeric; v_uitsluiting text;
    v_fouten jsonb := '[]';
    v_uit jsonb := '[]';
    v_totaal numeric := 0;
BEGIN
    FOR r IN SELECT value FROM jsonb_array_elements(p_regels) LOOP
        i := i + 1;
        t := NULL; pr := NULL;
        v_van := (r->>'ingangsdatum')::date;
        v_tot := (r->>'einddatum')::date;
        v_datum := COALESCE((r->>'datum')::date, v_van);
        v_hulp := r->>'hulp';
        v_volume := (r->>'volume')::numeric;
        IF v_tot < v_van THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'einddatum',
                'reden', 'ligt voor de ingangsdatum');
            CONTINUE;
        END IF;

        -- What is paid for: a row of the tariff table, or a product of the productenboek.
        IF (r ? 'tarief') = (r ? 'product') THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'tarief',
                'reden', 'noem een tarief uit de tabel of een product uit het productenboek, niet beide');
            CONTINUE;
        END IF;
        IF r ? 'product' THEN
            SELECT p.* INTO pr FROM product p
             WHERE p.aanbieder_agb = r->'product'->>'aanbieder_agb'
               AND p.productcode = r->'product'->>'productcode'
               AND p.geldig_van <= v_datum AND (p.geldig_tot IS NULL OR p.geldig_tot > v_datum)
               AND (p.gemeente IS NULL OR p.gemeente = p_gemeente)
             ORDER BY p.gemeente IS NULL, p.geldig_van DESC LIMIT 1;
            IF pr.id IS NULL THEN
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'product',
                    'reden', format('het productenboek heeft dit product van deze aanbieder niet op %s', v_datum));
                CONTINUE;
            END IF;
        END IF;
        v_sleutel := COALESCE(r->>'tarief', pr.pgb_tarief);
        IF v_sleutel IS NOT NULL THEN
            SELECT x.* INTO t FROM pgb_tarief x
             WHERE x.sleutel = v_sleutel AND x.geldig_van <= v_datum
               AND (x.geldig_tot IS NULL OR x.geldig_tot > v_datum)
               AND (x.gemeente IS NULL OR x.gemeente = p_gemeente)
             ORDER BY x.gemeente IS NULL, x.geldig_van DESC LIMIT 1;
            IF t.id IS NULL THEN
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'tarief',
                    'reden', format('er is geen pgb-tarief met deze sleutel dat geldt op %s', v_datum));
                CONTINUE;
            END IF;
        END IF;
        v_omschrijving := COALESCE(pr.omschrijving, t.omschrijving);
        v_eenheid := COALESCE(t.eenheid, CASE pr.eenheid WHEN '04' THEN 'uur' WHEN '14' THEN 'etmaal'
            WHEN '16' THEN 'dagdeel' ELSE 'stuk' END);
        v_cat := r->>'productcategorie';

        -- 4.2.4 sub h and the table's "geen pgb mogelijk".
        IF t.pgb_uitsluiting IS NOT NULL THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'tarief',
                'reden', format('een pgb is niet mogelijk voor %s (%s)', t.omschrijving, t.pgb_uitsluiting));
            CONTINUE;
        END IF;
        SELECT format('een pgb is niet mogelijk voor %s (%s)', e.omschrijving, e.grondslag),
               CASE WHEN e.maatregel IS NOT NULL THEN 'maatregel' ELSE 'productcategorie' END
          INTO v_uitsluiting, v_regel
          FROM pgb_uitsluiting e
         WHERE (e.maatregel = p_maatregel OR e.productcategorie = v_cat
                OR e.productcategorie = pr.productcategorie)
           AND e.geldig_van <= v_datum AND (e.geldig_tot IS NULL OR e.geldig_tot > v_datum)
           AND (e.gemeente IS NULL OR e.gemeente = p_gemeente)
         ORDER BY e.maatregel IS NULL, e.id LIMIT 1;
        IF v_uitsluiting IS NOT NULL THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', v_regel, 'reden', v_uitsluiting);
            CONTINUE;
        END IF;
        IF r ? 'eenheid' AND r->>'eenheid' <> v_eenheid THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'eenheid',
                'reden', format('%s wordt per %s vergoed', v_omschrijving, v_eenheid));
            CONTINUE;
        END IF;

        -- 4.4.1 sub d: never more than the natura product costs, and never
        -- more than the bijlage's maximum for it (LEAST skips a missing one).
        v_natura := CASE WHEN pr.id IS NULL THEN t.formeel_tarief ELSE LEAST(pr.tarief, t.formeel_tarief) END;
        IF v_natura IS NULL THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'tarief',
                'reden', format('geen pgb mogelijk voor %s (%s)', v_omschrijving, t.bron));
            CONTINUE;
        END IF;
        rg := pgb_regel_op('natura', v_datum, p_gemeente);
        v_max := v_natura;
        v_regel := rg.artikel;
        v_grondslag := format('%s: %s (%s)', rg.grondslag, v_omschrijving, COALESCE(t.bron, 'productenboek'));

        IF v_hulp = 'informeel' THEN
            IF t.informeel IN ('nvt', 'geen_pgb') THEN
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'hulp',
                    'reden', format('informele hulp is niet mogelijk voor %s (%s: %s)', t.omschrijving, t.bron,
                        CASE t.informeel WHEN 'nvt' THEN 'N.v.t.' ELSE 'geen pgb mogelijk' END));
                CONTINUE;
            END IF;
            IF NOT r ? 'leeftijd_hulpverlener' THEN
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'leeftijd_hulpverlener',
                    'reden', 'de leeftijd van de informele hulpverlener bepaalt het maximum (art. 4.4.1 sub e en f)');
                CONTINUE;
            END IF;
            v_leeftijd := (r->>'leeftijd_hulpverlener')::integer;
            -- 4.3.3: a helper from another address shows a recent VOG.
            IF COALESCE((r->>'woont_elders')::boolean, false) THEN
                rg := pgb_regel_op('vog', p_vandaag, p_gemeente);
                IF NOT r ? 'vog_datum' OR (r->>'vog_datum')::date
                        < p_vandaag - make_interval(months => rg.waarde::integer) THEN
                    v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'vog_datum',
                        'reden', format('%s (%s)', rg.grondslag, rg.artikel));
                    CONTINUE;
                END IF;
            END IF;
            IF t.informeel = 'tarief' AND t.informeel_tarief <= v_max THEN
                rg := pgb_regel_op('informeel_tabel', v_datum, p_gemeente);
                v_max := t.informeel_tarief;
                v_regel := rg.artikel;
                v_grondslag := format('%s: %s, informele hulp', rg.grondslag, t.omschrijving);
            END IF;
            IF v_eenheid = 'uur' THEN
                rg := pgb_regel_op('informeel_minimumloon', v_datum, p_gemeente);
                IF v_leeftijd < rg.waarde THEN
                    SELECT m.per_uur INTO v_loon FROM minimumloon m
                     WHERE m.leeftijd = v_leeftijd AND m.geldig_van <= v_datum
                       AND (m.geldig_tot IS NULL OR m.geldig_tot > v_datum)
                     ORDER BY m.geldig_van DESC LIMIT 1;
                    IF v_loon IS NULL THEN
                        v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'leeftijd_hulpverlener',
                            'reden', format('er is geen minimumloon voor deze leeftijd dat geldt op %s (%s)',
                                v_datum, rg.artikel));
                        CONTINUE;
                    END IF;
                    IF v_loon <= v_max THEN
                        v_max := v_loon;
                        v_regel := rg.artikel;
                        v_grondslag := format('%s: minimumloon bij %s jaar', rg.grondslag, v_leeftijd);
                    END IF;
                ELSE
                    rg := pgb_regel_op('informeel_max_uur', v_datum, p_gemeente);
                    IF rg.waarde <= v_max THEN
                        v_max := rg.waarde;
                        v_regel := rg.artikel;
                        v_grondslag := rg.grondslag;
                    END IF;
                END IF;
            ELSIF t.informeel IS DISTINCT FROM 'tarief' THEN
                rg := pgb_regel_op('informeel_per_uur', v_datum, p_gemeente);
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'hulp',
                    'reden', format('%s (%s)', rg.grondslag, rg.artikel));
                CONTINUE;
            END IF;
        END IF;

        -- 4.4.1 sub g: logeeropvang plus hulpverlening, at most the table's total per etmaal.
        v_extra := COALESCE((r->>'hulpverlening_per_etmaal')::numeric, 0);
        IF v_extra > 0 AND t.totaal_max IS NULL THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'hulpverlening_per_etmaal',
                'reden', 'hulpverlening per etmaal wordt alleen bij logeeropvang opgeteld (art. 4.4.1 sub g)');
            CONTINUE;
        END IF;
        IF t.totaal_max IS NOT NULL THEN
            v_max := v_max + v_extra;
            IF v_max >= t.totaal_max THEN
                rg := pgb_regel_op('logeeropvang', v_datum, p_gemeente);
                v_max := t.totaal_max;
                v_regel := rg.artikel;
                v_grondslag := format('%s: ten hoogste %s euro per etmaal', rg.grondslag, to_char(t.totaal_max, 'FM999999990.00'));
            END IF;
        END IF;

        IF r ? 'tarief_gevraagd' AND (r->>'tarief_gevraagd')::numeric > v_max THEN
            v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'tarief_gevraagd',
                'reden', format('hoger dan het maximum van %s euro per %s (%s: %s)',
                    to_char(v_max, 'FM999999990.00'), v_eenheid, v_regel, v_grondslag));
            CONTINUE;
        END IF;
        v_tarief := COALESCE((r->>'tarief_gevraagd')::numeric, v_max);

        -- How many periods the volume is per.
        IF r->>'per' = 'maand' THEN
            v_maanden := (extract(year FROM age(v_tot + 1, v_van)) * 12
                + extract(month FROM age(v_tot + 1, v_van)))::integer;
            IF v_maanden < 1 OR (v_van + make_interval(months => v_maanden))::date <> v_tot + 1 THEN
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'einddatum',
                    'reden', 'een volume per maand vraagt hele maanden: de einddatum is de dag voor dezelfde dag van een latere maand');
                CONTINUE;
            END IF;
            v_perioden := v_maanden;
        ELSE
            v_perioden := CASE r->>'per'
                WHEN 'totaal' THEN 1
                WHEN 'dag' THEN v_tot - v_van + 1
                ELSE (v_tot - v_van + 1) / 7.0 END;
        END IF;
        v_eenheden := round(v_volume * v_perioden, 2);
        -- The table's hours a week (informal help), on average over the period.
        IF v_hulp = 'informeel' AND t.max_per_week IS NOT NULL THEN
            v_per_week := v_volume * v_perioden / ((v_tot - v_van + 1) / 7.0);
            IF v_per_week > t.max_per_week THEN
                rg := pgb_regel_op('max_per_week', v_datum, p_gemeente);
                v_fouten := v_fouten || jsonb_build_object('i', i, 'veld', 'volume',
                    'reden', format('informele hulp voor %s: maximaal %s uur per week (%s)',
                        t.omschrijving, trim_scale(t.max_per_week), rg.artikel));
                CONTINUE;
            END IF;
        END IF;
        v_bedrag := round(v_tarief * v_eenheden, 2);
        v_totaal := v_totaal + v_bedrag;
        v_uit := v_uit || jsonb_build_object('i', i,
            'tarief', t.sleutel, 'product', CASE WHEN pr.id IS NULL THEN NULL
                ELSE jsonb_build_object('aanbieder_agb', pr.aanbieder_agb, 'productcode', pr.productcode) END,
            'omschrijving', v_omschrijving, 'hulp', v_hulp, 'eenheid', v_eenheid,
            'datum', to_char(v_datum, 'YYYY-MM-DD'),
            'max_tarief', round(v_max, 2), 'tarief_per_eenheid', round(v_tarief, 2),
            'eenheden', v_eenheden, 'bedrag', v_bedrag,
            'regel', v_regel, 'grondslag', v_grondslag);
    END LOOP;
    RETURN jsonb_build_object('regels', v_uit, 'totaal', round(v_totaal, 2), 'fouten', v_fouten);
END
$$;
REVOKE ALL ON FUNCTION pgb_bereken(jsonb, bpchar, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pgb_bereken(jsonb, bpchar, text, date) TO toegang_app;
REVOKE ALL ON FUNCTION pgb_regel_op(text, date, bpchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pgb_regel_op(text, date, bpchar) TO toegang_app;

/*
 * The region's overview (the productenboek seed's dashboard): how many
 * beschikkingen allocated each product of each provider in a period, per
 * gemeente and (gemeente NULL) for the whole of p_gemeenten (NULL: every
 * gemeente). Counts only. SECURITY DEFINER: a gemeente compares its use
 * with the others', whose zaken it cannot read.
 */
SELECT systeem_beleid('toewijzing');
CREATE FUNCTION regio_overzicht(p_van date, p_tot date, p_gemeenten text[])
RETURNS TABLE (gemeente bpchar, productcategorie bpchar, productcode varchar, aanbieder_agb bpchar,
               vorm text, beschikkingen bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM set_config('toegang.systeem', 'aan', true);
    RETURN QUERY
    SELECT z.verantwoordelijke_gemeente, w.productcategorie, w.productcode, w.aanbieder_agb, w.vorm,
           count(DISTINCT w.zaak_id)
      FROM toewijzing w JOIN zaak z ON z.id = w.zaak_id
     WHERE (w.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN p_van AND p_tot
       AND (p_gemeenten IS NULL OR z.verantwoordelijke_gemeente = ANY (p_gemeenten))
     GROUP BY GROUPING SETS ((z.verantwoordelijke_gemeente, w.productcategorie, w.productcode,
               w.aanbieder_agb, w.vorm), (w.productcategorie, w.productcode, w.aanbieder_agb, w.vorm))
     ORDER BY 1 NULLS FIRST, 2, 3, 4, 5;
    PERFORM set_config('toegang.systeem', '', true);
END
$$;
REVOKE ALL ON FUNCTION regio_overzicht(date, date, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regio_overzicht(date, date, text[]) TO toegang_app;

/*
 * A declaration against a PGB toewijzing of zaak p_zaak (4.4.5), checked
 * and, when it passes, stored. p_decl: {toewijzing, bsn, aanbieder {naam,
 * kvk, adres}, geleverd_door, dagen [{datum, eenheden}], tarief, eenheid,
 * ondertekend} (shape checked by the caller). Runs as the caller: a zaak it
 * may not see is not found.
 * -> {gevonden: false} | {fouten: [{veld, reden}]} | {id, toewijzing,
 *    eenheden, bedrag, gedeclareerd, toegewezen, resterend}
 */
CREATE FUNCTION pgb_declareren(p_zaak uuid, p_decl jsonb, p_rol text, p_actor text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    w toewijzing;
    v_fouten jsonb := '[]';
    v_eenheden numeric;
    v_eerder numeric;
    v_toegewezen numeric;
    v_max numeric;
    v_vandaag date := (now() AT TIME ZONE 'Europe/Amsterdam')::date;
    v_id bigint;
    v_bsn text;
    d jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM zaak z WHERE z.id = p_zaak) THEN
        RETURN jsonb_build_object('gevonden', false);
    END IF;
    -- Declarations against one toewijzing take turns: the sum stays true.
    PERFORM pg_advisory_xact_lock(7436, (p_decl->>'toewijzing')::integer);
    SELECT t.* INTO w FROM toewijzing t
     WHERE t.zaak_id = p_zaak AND t.nummer = (p_decl->>'toewijzing')::integer;
    IF w.nummer IS NULL THEN
        RETURN jsonb_build_object('fouten', jsonb_build_array(jsonb_build_object('veld', 'toewijzing',
            'reden', 'deze zaak heeft geen toewijzing met dit nummer')));
    END IF;
    IF w.vorm <> 'pgb' OR w.pgb IS NULL THEN
        RETURN jsonb_build_object('fouten', jsonb_build_array(jsonb_build_object('veld', 'toewijzing',
            'reden', 'deze toewijzing is geen persoonsgebonden budget')));
    END IF;

    -- 4.4.5 sub a: the content every declaration has.
    SELECT b.bsn INTO v_bsn FROM betrokkene b WHERE b.zaak_id = p_zaak AND b.rol = 'jeugdige';
    IF v_bsn IS DISTINCT FROM p_decl->>'bsn' THEN
        v_fouten := v_fouten || jsonb_build_object('veld', 'bsn',
            'reden', 'is niet het burgerservicenummer van de jeugdige van deze zaak (art. 4.4.5)');
    END IF;
    IF NOT COALESCE((p_decl->>'ondertekend')::boolean, false) THEN
        v_fouten := v_fouten || jsonb_build_object('veld', 'ondertekend',
            'reden', 'een declaratie wordt door of namens de aanbieder ondertekend (art. 4.4.5)');
    END IF;
    -- 4.4.5 sub b: a provider (formal help) adds its KvK number and address
    -- and who delivered the help.
    IF w.pgb->>'hulp' = 'formeel' THEN
        IF NOT p_decl->'aanbieder' ? 'kvk' THEN
            v_fouten := v_fouten || jsonb_build_object('veld', 'aanbieder.kvk',
                'reden', 'een aanbieder vermeldt zijn inschrijvingsnummer bij de Kamer van Koophandel (art. 4.4.5 sub b)');
        END IF;
        IF NOT p_decl->'aanbieder' ? 'adres' THEN
            v_fouten := v_fouten || jsonb_build_object('veld', 'aanbieder.adres',
                'reden', 'een aanbieder vermeldt zijn naam en adres (art. 4.4.5 sub b)');
        END IF;
        IF NOT p_decl ? 'geleverd_door' THEN
            v_fouten := v_fouten || jsonb_build_object('veld', 'geleverd_door',
                'reden', 'een aanbieder vermeldt wie de hulp heeft geleverd (art. 4.4.5 sub b)');
        END IF;
    END IF;

    -- Against the beschikking: its unit, rate, period and volume.
    IF p_decl->>'eenheid' <> w.pgb->>'eenheid' THEN
        v_fouten := v_fouten || jsonb_build_object('veld', 'eenheid',
            'reden', format('de beschikking kent deze hulp toe per %s', w.pgb->>'eenheid'));
    END IF;
    v_max := (w.pgb->>'tarief_per_eenheid')::numeric;
    IF (p_decl->>'tarief')::numeric > v_max THEN
        v_fouten := v_fouten || jsonb_build_object('veld', 'tarief',
            'reden', format('hoger dan het tarief van de beschikking: %s euro per %s',
                to_char(v_max, 'FM999999990.00'), w.pgb->>'eenheid'));
    END IF;
    FOR d IN SELECT value FROM jsonb_array_elements(p_decl->'dagen') LOOP
        IF (d->>'datum')::date < w.ingangsdatum OR (d->>'datum')::date > w.einddatum THEN
            v_fouten := v_fouten || jsonb_build_object('veld', 'dagen',
                'reden', format('%s ligt buiten de toewijzing (%s tot en met %s)', d->>'datum',
                    w.ingangsdatum, w.einddatum));
        ELSIF (d->>'datum')::date > v_vandaag THEN
            v_fouten := v_fouten || jsonb_build_object('veld', 'dagen',
                'reden', format('%s ligt in de toekomst', d->>'datum'));
        END IF;
    END LOOP;
    IF (SELECT count(*) <> count(DISTINCT x->>'datum') FROM jsonb_array_elements(p_decl->'dagen') x) THEN
        v_fouten := v_fouten || jsonb_build_object('veld', 'dagen', 'reden', 'noemt een dag meer dan eens');
    END IF;
    SELECT v_fouten || COALESCE(jsonb_agg(jsonb_build_object('veld', 'dagen',
               'reden', format('%s is al gedeclareerd', x->>'datum'))), '[]')
      INTO v_fouten
      FROM jsonb_array_elements(p_decl->'dagen') x
     WHERE EXISTS (SELECT 1 FROM pgb_declaratie e, jsonb_array_elements(e.gegevens->'dagen') y
                    WHERE e.toewijzing = w.nummer AND y->>'datum' = x->>'datum');
    SELECT COALESCE(sum((x->>'eenheden')::numeric), 0) INTO v_eenheden
      FROM jsonb_array_elements(p_decl->'dagen') x;
    SELECT COALESCE(sum(e.eenheden), 0) INTO v_eerder FROM pgb_declaratie e WHERE e.toewijzing = w.nummer;
    v_toegewezen := (w.pgb->>'eenheden')::numeric;
    IF v_eerder + v_eenheden > v_toegewezen THEN
        v_fouten := v_fouten || jsonb_build_object('veld', 'dagen',
            'reden', format('meer dan toegewezen: %s van %s %s al gedeclareerd, deze declaratie vraagt %s',
                trim_scale(v_eerder), trim_scale(v_toegewezen), w.pgb->>'eenheid', trim_scale(v_eenheden)));
    END IF;
    IF jsonb_array_length(v_fouten) > 0 THEN
        RETURN jsonb_build_object('fouten', v_fouten);
    END IF;

    INSERT INTO pgb_declaratie (toewijzing, zaak_id, eenheden, bedrag, gegevens, actor_rol, actor)
    VALUES (w.nummer, p_zaak, v_eenheden, round(v_eenheden * (p_decl->>'tarief')::numeric, 2),
            p_decl, p_rol, p_actor)
    RETURNING id INTO v_id;
    RETURN jsonb_build_object('id', v_id, 'toewijzing', w.nummer, 'eenheden', v_eenheden,
        'bedrag', round(v_eenheden * (p_decl->>'tarief')::numeric, 2),
        'gedeclareerd', v_eerder + v_eenheden, 'toegewezen', v_toegewezen,
        'resterend', v_toegewezen - v_eerder - v_eenheden);
END
$$;
REVOKE ALL ON FUNCTION pgb_declareren(uuid, jsonb, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pgb_declareren(uuid, jsonb, text, text) TO toegang_app;
