-- The gedwongen kader and the handoff, and the help that is allocated.
--
-- A mandaat (GI, rechter, OM, JJI) obliges the gemeente to provide the help
-- the GI deems necessary (seed, Toelichting 3.7: "De gemeente moet ervoor
-- zorgen dat deze hulp dan wordt ingezet"): no eigen-kracht assessment, a
-- short deadline, and no PGB for jeugdbescherming and jeugdreclassering
-- (Nadere regels 4.2.4 sub h).

ALTER TABLE zaak
    -- iJw WJ232 juridische status the maatregel maps to, where one applies.
    ADD COLUMN juridische_status char(2)
        CHECK (juridische_status IN ('01', '02', '03', '04', '05', '11', '12')),
    -- The volume the GI deems necessary: {volume, eenheid (WJ756), frequentie (WMO757)}.
    ADD COLUMN omvang jsonb,
    -- Overdracht: what the team tried (eigen kracht, netwerk, algemene
    -- voorzieningen) and the team with its contact.
    ADD COLUMN geprobeerd jsonb,
    ADD COLUMN team jsonb;

-- A toewijzing: one product of a beschikking that grants help, with the
-- number iJw messages will carry (ToewijzingNummer) and when the provider
-- started (JW305 "start zorg"; recorded by the CJG until that message exists).
CREATE SEQUENCE toewijzing_nummer_seq MINVALUE 1 MAXVALUE 99999999 NO CYCLE;
CREATE TABLE toewijzing (
    nummer           integer PRIMARY KEY DEFAULT nextval('toewijzing_nummer_seq'),
    zaak_id          uuid NOT NULL REFERENCES zaak (id),
    omschrijving     text NOT NULL,
    productcategorie char(2),
    aanbieder_agb    char(8),
    vorm             text NOT NULL CHECK (vorm IN ('natura', 'pgb')),
    ingangsdatum     date NOT NULL,
    einddatum        date NOT NULL CHECK (einddatum >= ingangsdatum),
    omvang           jsonb,
    aangemaakt       timestamptz NOT NULL DEFAULT clock_timestamp(),
    gestart_op       date
);
ALTER SEQUENCE toewijzing_nummer_seq OWNED BY toewijzing.nummer;
CREATE INDEX toewijzing_zaak ON toewijzing (zaak_id, nummer);

ALTER TABLE toewijzing ENABLE ROW LEVEL SECURITY;
ALTER TABLE toewijzing FORCE ROW LEVEL SECURITY;
CREATE POLICY toewijzing_lezen ON toewijzing FOR SELECT USING (zaak_id_zichtbaar(zaak_id));
CREATE POLICY toewijzing_aanmaken ON toewijzing FOR INSERT WITH CHECK (zaak_cjg_mag_id(zaak_id));
CREATE POLICY toewijzing_wijzigen ON toewijzing FOR UPDATE USING (zaak_cjg_mag_id(zaak_id))
    WITH CHECK (zaak_cjg_mag_id(zaak_id));
REVOKE ALL ON toewijzing FROM PUBLIC;
GRANT SELECT, INSERT ON toewijzing TO toegang_app;
GRANT UPDATE (gestart_op) ON toewijzing TO toegang_app;
GRANT USAGE ON SEQUENCE toewijzing_nummer_seq TO toegang_app;

-- API.md "Who sees what": an aanbieder sees the zaken in which a toewijzing
-- names its AGB code (the policy is in sql/008_regio.sql). The codes are kept
-- on the zaak, as partij_bsn is, because zaak's policy cannot read
-- toewijzing, whose own policy reads zaak, without recursion. They are added
-- as toewijzingen are made (ZK_SQL_ACTION_APPLY) and never removed: a
-- provider keeps seeing what it was once allocated.
ALTER TABLE zaak ADD COLUMN aanbieder_agbs text[] NOT NULL DEFAULT '{}';
CREATE INDEX zaak_aanbieder_agbs ON zaak USING gin (aanbieder_agbs);
GRANT UPDATE (aanbieder_agbs) ON zaak TO toegang_app;

-- Help a PGB cannot pay for (4.2.4 sub h), as dated data: by the maatregel
-- of a mandaat, or by the JZ020 productcategorie of the product.
CREATE TABLE pgb_uitsluiting (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    maatregel        text,
    productcategorie char(2),
    omschrijving     text NOT NULL,
    grondslag        text NOT NULL,
    gemeente         char(4),
    geldig_van       date NOT NULL,
    geldig_tot       date,
    CHECK ((maatregel IS NULL) <> (productcategorie IS NULL)),
    CHECK (geldig_tot IS NULL OR geldig_tot > geldig_van)
);
INSERT INTO pgb_uitsluiting (maatregel, productcategorie, omschrijving, grondslag, geldig_van) VALUES
    ('ots', NULL, 'jeugdbescherming (ondertoezichtstelling)',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdbescherming', '2015-01-01'),
    ('voogdij', NULL, 'jeugdbescherming (voogdij)',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdbescherming', '2015-01-01'),
    ('jeugdreclassering', NULL, 'jeugdreclassering',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', '2015-01-01'),
    ('machtiging_gesloten_jeugdhulp', NULL, 'JeugdzorgPlus (gesloten jeugdhulp)',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor JeugdzorgPlus', '2015-01-01'),
    (NULL, '46', 'crisishulp',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor crisishulp', '2015-01-01'),
    (NULL, '47', 'jeugdreclassering',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdreclassering', '2015-01-01'),
    (NULL, '48', 'jeugdbescherming',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor jeugdbescherming', '2015-01-01'),
    (NULL, '35', 'pleegzorg',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor pleegzorg', '2015-01-01'),
    (NULL, '37', 'JeugdzorgPlus (gesloten plaatsing)',
     'Nadere regels art. 4.2.4 sub h: het pgb kan niet gebruikt worden voor JeugdzorgPlus', '2015-01-01');
REVOKE ALL ON pgb_uitsluiting FROM PUBLIC;
GRANT SELECT ON pgb_uitsluiting TO toegang_app;

-- Deadlines: "kalenderdagen" count every day and are not moved off a free
-- day (the Algemene termijnenwet is for legal terms; spoed does not wait
-- for Monday). A rule may apply to spoed zaken only.
ALTER TABLE termijnregel DROP CONSTRAINT termijnregel_eenheid_check;
ALTER TABLE termijnregel ADD CONSTRAINT termijnregel_eenheid_check
    CHECK (eenheid IN ('dagen', 'weken', 'werkdagen', 'kalenderdagen'));
ALTER TABLE termijnregel ADD COLUMN alleen_spoed boolean NOT NULL DEFAULT false;

INSERT INTO termijnregel (naam, gebeurtenis, route, aantal, eenheid, grondslag, geldig_van, alleen_spoed) VALUES
    ('tijdelijke_maatregel', 'ontvangst', NULL, 1, 'kalenderdagen',
     'Nadere regels art. 3.1.3: in spoedeisende gevallen zo spoedig mogelijk een tijdelijke maatregel',
     '2015-01-01', true),
    -- Not a term of law: the region's agreement, changeable as data.
    ('toewijzing', 'ontvangst', 'mandaat', 5, 'werkdagen',
     'Gedwongen kader: de gemeente zet de hulp in die de GI nodig acht (Jeugdwet art. 2.4; '
     'Nadere regels, toelichting 3.7); regionale afspraak: toewijzing binnen 5 werkdagen',
     '2015-01-01', false);
