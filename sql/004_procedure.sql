-- The CJG procedure of the Nadere regels (art. 3.1-3.8): the CJG of the
-- verantwoordelijke gemeente moves a zaak from state to state; every step is
-- a row of zaak_status with what was recorded (gegevens) and who did it.
-- Which steps exist and which follow which is the daemon's table
-- (plugins/cjg/procedure.c); the texts the family reads are data here.

ALTER TABLE zaak_status ADD COLUMN actie text, ADD COLUMN gegevens jsonb;

-- 3.1.1: a question is approached integrally; the melding records how things
-- go in the other domains (werk, school, inkomen, wonen, gezondheid).
ALTER TABLE zaak ADD COLUMN andere_domeinen jsonb;
COMMENT ON COLUMN zaak_status.gegevens IS
    'what the step recorded (motivations, advies: for the CJG, never shown to the family)';

-- What a status means for the family, in plain Dutch (B1): what happened and
-- what happens next. {termijn} is replaced by the deadline that matters.
CREATE TABLE status_uitleg (
    status  text PRIMARY KEY,
    uitleg  text NOT NULL,
    vervolg text NOT NULL
);
INSERT INTO status_uitleg (status, uitleg, vervolg) VALUES
    ('ontvangen', 'Uw aanvraag voor hulp is binnengekomen bij het CJG.',
     'Het CJG laat u weten dat uw aanvraag goed is aangekomen.'),
    ('ontvangst_bevestigd', 'Het CJG heeft bevestigd dat uw aanvraag is aangekomen.',
     'Het CJG bekijkt uw situatie en vraagt u om een identiteitsbewijs.'),
    ('vooronderzoek_afgerond', 'Het CJG heeft de eerste gegevens bekeken.',
     'U krijgt een uitnodiging voor een gesprek met het CJG.'),
    ('gesprek_gevoerd', 'U heeft een gesprek gehad met het CJG.',
     'U krijgt een verslag van het gesprek, uiterlijk op {verslag}.'),
    ('verslag_verstrekt', 'U heeft het verslag van het gesprek gekregen. U mag er opmerkingen bij zetten.',
     'Samen met het CJG maakt u een plan voor uw gezin.'),
    ('gezinsplan_opgesteld', 'Er is een plan voor uw gezin.',
     'Als u hulp nodig heeft die u zelf niet kunt regelen, kunt u die aanvragen.'),
    ('aanvraag_ontvangen', 'Uw aanvraag voor hulp is ontvangen.',
     'Het CJG beslist uiterlijk op {beschikking}.'),
    ('beoordeeld', 'Het CJG heeft uw aanvraag bekeken.',
     'U krijgt een besluit, uiterlijk op {beschikking}.'),
    ('advies_ontvangen', 'Het CJG heeft advies gevraagd over uw aanvraag.',
     'U krijgt een besluit, uiterlijk op {beschikking}.'),
    ('toegekend', 'U krijgt de hulp die u heeft aangevraagd.',
     'De hulpverlener neemt contact met u op.'),
    ('gedeeltelijk_toegekend', 'U krijgt een deel van de hulp die u heeft aangevraagd.',
     'In de brief staat welke hulp u krijgt en hoe u bezwaar kunt maken.'),
    ('afgewezen', 'U krijgt de hulp die u heeft aangevraagd niet.',
     'In de brief staat waarom, en hoe u binnen zes weken bezwaar kunt maken.'),
    ('ingetrokken', 'Uw aanvraag is gestopt, zoals u heeft gevraagd.',
     'U hoeft niets meer te doen. U kunt altijd opnieuw hulp vragen.'),
    ('doorgezonden', 'Uw aanvraag is doorgestuurd naar de gemeente waar uw kind woont.',
     'Die gemeente neemt contact met u op.');
REVOKE ALL ON status_uitleg FROM PUBLIC;
GRANT SELECT ON status_uitleg TO toegang_app;

-- Deadlines that follow from steps of the procedure (data, like those at receipt).
INSERT INTO termijnregel (naam, gebeurtenis, route, aantal, eenheid, grondslag, geldig_van) VALUES
    ('verslag', 'gesprek', NULL, 15, 'werkdagen',
     'Nadere regels art. 3.4.1: verslag binnen 15 werkdagen na het gesprek', '2015-01-01'),
    ('beschikking', 'aanvraag', NULL, 8, 'weken',
     'Awb art. 4:13: beschikking binnen acht weken na ontvangst van de aanvraag', '2015-01-01');

-- The states of the procedure (plugins/zaak/procedure.c); nothing else.
ALTER TABLE zaak ADD CONSTRAINT zaak_status_bekend CHECK (status IN (
    'ontvangen', 'ontvangst_bevestigd', 'vooronderzoek_afgerond', 'gesprek_gevoerd',
    'verslag_verstrekt', 'gezinsplan_opgesteld', 'aanvraag_ontvangen', 'beoordeeld',
    'advies_ontvangen', 'toegekend', 'gedeeltelijk_toegekend', 'afgewezen', 'ingetrokken',
    'doorgezonden'));

-- Only the CJG of the verantwoordelijke gemeente moves a zaak on.
CREATE FUNCTION zaak_cjg_mag(z zaak) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(current_setting('toegang.rol', true) = 'cjg'
        AND z.verantwoordelijke_gemeente = current_setting('toegang.identiteit', true), false)
$$;
CREATE POLICY zaak_cjg_wijzigen ON zaak FOR UPDATE USING (zaak_cjg_mag(zaak))
    WITH CHECK (zaak_zichtbaar(zaak));
GRANT UPDATE (status, woonplaats_te_bepalen) ON zaak TO toegang_app;
GRANT EXECUTE ON FUNCTION zaak_cjg_mag(zaak) TO toegang_app;

-- Deadlines are replaced or removed as steps are taken.
CREATE POLICY zaak_termijn_wijzigen ON zaak_termijn FOR UPDATE
    USING (zaak_id_zichtbaar(zaak_id)) WITH CHECK (zaak_id_zichtbaar(zaak_id));
CREATE POLICY zaak_termijn_verwijderen ON zaak_termijn FOR DELETE USING (zaak_id_zichtbaar(zaak_id));
GRANT UPDATE (datum, grondslag), DELETE ON zaak_termijn TO toegang_app;

-- Who looked at a zaak, for the family (their right under the law on
-- electronic records): organisation and role and when, from the access log,
-- which the app role cannot read itself. Only for a zaak the caller can see.
CREATE FUNCTION zaak_inzage(p_zaak_id uuid) RETURNS TABLE (tijdstip timestamptz, rol text, wie text, actie text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT l.tijdstip, l.rol,
           CASE WHEN l.namens LIKE 'bsn:%' THEN 'gezin' ELSE l.namens END,
           l.actie
    FROM toegangslog l
    WHERE l.zaak_id = p_zaak_id::text
      AND EXISTS (SELECT 1 FROM zaak z WHERE z.id = p_zaak_id AND zaak_zichtbaar(z))
    ORDER BY l.tijdstip DESC, l.id DESC
    LIMIT 500
$$;
REVOKE ALL ON FUNCTION zaak_inzage(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zaak_inzage(uuid) TO toegang_app;

CREATE INDEX zaak_open ON zaak (verantwoordelijke_gemeente)
    WHERE status NOT IN ('toegekend', 'gedeeltelijk_toegekend', 'afgewezen', 'ingetrokken', 'doorgezonden');
