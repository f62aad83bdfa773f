-- Eén gezin, één plan, één regisseur (Nadere regels art. 2 and 3.5.2):
-- zaken that share a person (the jeugdige, or a gezaghebbende: siblings
-- share their parents) belong to one gezin, whichever route they came by.
-- The gezin has one gezinsplan (versioned: every revision is kept) and one
-- casusregisseur at a time (every change is kept).
--
-- A create cannot see the other zaken of the family (a huisarts sees only
-- its own referrals), so the gezin is found by gezin_van(), a function that
-- runs as the owner. FORCE ROW LEVEL SECURITY binds the owner too; the
-- policies *_systeem let the owner's own functions through while they say
-- so (transaction-local toegang.systeem), and never the app role, which
-- they do not name. The owner outside those functions sees nothing.

CREATE TABLE gezin (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    aangemaakt      timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Two gezinnen found to be one (a zaak joining persons of both) merge
    -- into the older; the younger row stays as a trace.
    samengevoegd_in uuid REFERENCES gezin (id)
);

ALTER TABLE zaak ADD COLUMN gezin_id uuid REFERENCES gezin (id);
CREATE INDEX zaak_gezin ON zaak (gezin_id);

-- 3.5: the plan of the family; the gegevens are those of the gezinsplan step.
CREATE TABLE gezinsplan (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gezin_id  uuid NOT NULL REFERENCES gezin (id),
    zaak_id   uuid NOT NULL REFERENCES zaak (id),
    tijdstip  timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_rol text NOT NULL,
    actor     text NOT NULL,
    gegevens  jsonb NOT NULL
);
CREATE INDEX gezinsplan_gezin ON gezinsplan (gezin_id, id);

-- Art. 2: "Casusregisseur is degene waar de vraag binnenkomt of de
-- organisatie waar de problematiek het meest thuishoort": a CJG worker or
-- the sending team. The newest row is the regisseur now.
CREATE TABLE gezin_regisseur (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gezin_id     uuid NOT NULL REFERENCES gezin (id),
    soort        text NOT NULL CHECK (soort IN ('cjg', 'team')),
    naam         text NOT NULL,
    organisatie  text NOT NULL,
    telefoon     text,
    email        text,
    toelichting  text,
    vanaf        timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_rol    text NOT NULL,
    actor        text NOT NULL
);
CREATE INDEX gezin_regisseur_gezin ON gezin_regisseur (gezin_id, id);

-- Steps are taken only by the CJG that handles the zaak (sql/004_procedure.sql).
CREATE FUNCTION zaak_cjg_mag_id(p_zaak uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM zaak z WHERE z.id = p_zaak AND zaak_cjg_mag(z));
END
$$;

-- Visible exactly when a zaak of the gezin is (through zaak's own policies).
CREATE FUNCTION gezin_zichtbaar(p_gezin uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM zaak z WHERE z.gezin_id = p_gezin);
END
$$;

-- The policy that lets the owner's own functions through while they set
-- toegang.systeem (named <table>_systeem); current_user is the migrating owner.
CREATE FUNCTION systeem_beleid(p_tabel regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE POLICY %I ON %s TO %I '
        'USING (current_setting(''toegang.systeem'', true) = ''aan'') '
        'WITH CHECK (current_setting(''toegang.systeem'', true) = ''aan'')',
        p_tabel::text || '_systeem', p_tabel, current_user);
END
$$;
REVOKE ALL ON FUNCTION systeem_beleid(regclass) FROM PUBLIC;
SELECT systeem_beleid(t) FROM unnest(ARRAY['zaak', 'gezin', 'gezinsplan', 'gezin_regisseur']::regclass[]) AS t;

ALTER TABLE gezin ENABLE ROW LEVEL SECURITY;
ALTER TABLE gezin FORCE ROW LEVEL SECURITY;
CREATE POLICY gezin_lezen ON gezin FOR SELECT TO toegang_app USING (gezin_zichtbaar(id));

ALTER TABLE gezinsplan ENABLE ROW LEVEL SECURITY;
ALTER TABLE gezinsplan FORCE ROW LEVEL SECURITY;
CREATE POLICY gezinsplan_lezen ON gezinsplan FOR SELECT TO toegang_app
    USING (gezin_zichtbaar(gezin_id));
CREATE POLICY gezinsplan_aanmaken ON gezinsplan FOR INSERT TO toegang_app
    WITH CHECK (zaak_cjg_mag_id(zaak_id));

ALTER TABLE gezin_regisseur ENABLE ROW LEVEL SECURITY;
ALTER TABLE gezin_regisseur FORCE ROW LEVEL SECURITY;
CREATE POLICY gezin_regisseur_lezen ON gezin_regisseur FOR SELECT TO toegang_app
    USING (gezin_zichtbaar(gezin_id));
-- The CJG names the regisseur of a gezin it has a zaak of; a team becomes
-- regisseur itself by handing the family over, when there is none yet.
CREATE POLICY gezin_regisseur_aanmaken ON gezin_regisseur FOR INSERT TO toegang_app
    WITH CHECK (gezin_zichtbaar(gezin_id) AND (current_setting('toegang.rol', true) = 'cjg'
        OR (current_setting('toegang.rol', true) IN ('plein', 'gst') AND soort = 'team')));

-- The gezin of the persons of a new zaak (BSNs of the jeugdige and the
-- gezaghebbenden): the gezin of any zaak that shares one of them; a new
-- gezin when there is none; the older one, with the others merged into it,
-- when the persons span several.
CREATE FUNCTION gezin_van(p_bsn text[]) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    gevonden uuid[];
    g uuid;
BEGIN
    PERFORM set_config('toegang.systeem', 'aan', true);
    -- Two creates for one family wait for each other here (locks taken in
    -- one order, so they cannot deadlock), and the second finds the first's gezin.
    PERFORM pg_advisory_xact_lock(s.h)
       FROM (SELECT DISTINCT hashtextextended(b, 5037) AS h FROM unnest(p_bsn) AS b ORDER BY 1) s;
    SELECT array_agg(x.gezin_id ORDER BY x.aangemaakt, x.gezin_id) INTO gevonden
      FROM (SELECT DISTINCT z.gezin_id, gz.aangemaakt
              FROM zaak z JOIN gezin gz ON gz.id = z.gezin_id
             WHERE z.partij_bsn && p_bsn) x;
    IF gevonden IS NULL THEN
        INSERT INTO gezin DEFAULT VALUES RETURNING id INTO g;
    ELSE
        g := gevonden[1];
        IF cardinality(gevonden) > 1 THEN
            UPDATE zaak SET gezin_id = g WHERE gezin_id = ANY (gevonden[2:]);
            UPDATE gezinsplan SET gezin_id = g WHERE gezin_id = ANY (gevonden[2:]);
            UPDATE gezin_regisseur SET gezin_id = g WHERE gezin_id = ANY (gevonden[2:]);
            UPDATE gezin SET samengevoegd_in = g WHERE id = ANY (gevonden[2:]);
        END IF;
    END IF;
    PERFORM set_config('toegang.systeem', '', true);
    RETURN g;
END
$$;
REVOKE ALL ON FUNCTION gezin_van(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gezin_van(text[]) TO toegang_app;

-- Zaken from before: linked in the order they came in.
DO $$
DECLARE
    z record;
BEGIN
    PERFORM set_config('toegang.systeem', 'aan', true);
    FOR z IN SELECT id, partij_bsn FROM zaak WHERE gezin_id IS NULL ORDER BY aangemaakt, id LOOP
        UPDATE zaak SET gezin_id = gezin_van(z.partij_bsn) WHERE id = z.id;
        PERFORM set_config('toegang.systeem', 'aan', true);
    END LOOP;
    PERFORM set_config('toegang.systeem', '', true);
END
$$;
ALTER TABLE zaak ALTER COLUMN gezin_id SET NOT NULL;

REVOKE ALL ON gezin, gezinsplan, gezin_regisseur FROM PUBLIC;
GRANT SELECT ON gezin TO toegang_app;
GRANT SELECT, INSERT ON gezinsplan, gezin_regisseur TO toegang_app;
GRANT EXECUTE ON FUNCTION gezin_zichtbaar(uuid), zaak_cjg_mag_id(uuid) TO toegang_app;
