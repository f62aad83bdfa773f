-- iJw 3.2 messages (issue 7): the JW301 toewijzing the portal sends to a
-- provider when a beschikking allocates help, the JW315 verzoek om
-- toewijzing a provider sends in, and the stapeling warning (WJ759 code 6).
--
-- A message is kept exactly as sent or received (its XML), with the zaak,
-- the provider and the toewijzingen it carries. Rows are never changed.

-- COD046 geslacht of the jeugdige (a JW315 brings it; the create body may).
ALTER TABLE betrokkene ADD COLUMN geslacht char(1) CHECK (geslacht IN ('0', '1', '2'));

-- The referrer named in a JW315 (CDT_Verwijzer: type, AGB code and/or name):
-- a huisarts known by name only is still a valid referral.
ALTER TABLE zaak ADD COLUMN verwijzer_naam text;
ALTER TABLE zaak DROP CONSTRAINT zaak_check;
ALTER TABLE zaak ADD CONSTRAINT zaak_verwijzer_bekend
    CHECK (verwijzer_type NOT IN ('02', '03', '05') OR verwijzer_agb IS NOT NULL
           OR verwijzer_naam IS NOT NULL);

-- BerichtIdentificatie/Identificatie of the messages the portal sends: at
-- most 12 characters (LDT_IdentificatieBericht), unique for the sender.
CREATE SEQUENCE ijw_bericht_nummer_seq MINVALUE 1 MAXVALUE 999999999999 NO CYCLE;

CREATE TABLE ijw_bericht (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zaak_id       uuid NOT NULL REFERENCES zaak (id),
    berichtcode   char(3) NOT NULL CHECK (berichtcode IN ('436', '446')),  -- JW301, JW315
    richting      text NOT NULL CHECK (richting IN ('uit', 'in')),
    gemeente      char(4) NOT NULL,
    aanbieder_agb char(8) NOT NULL,
    identificatie varchar(12) NOT NULL,
    dagtekening   date NOT NULL,
    -- JW301: the toewijzing numbers it carries (ToewijzingNummer)
    toewijzingen  integer[] NOT NULL DEFAULT '{}',
    xml           text NOT NULL,
    aangemaakt    timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((berichtcode = '436') = (richting = 'uit'))
);
CREATE INDEX ijw_bericht_zaak ON ijw_bericht (zaak_id, id);
CREATE UNIQUE INDEX ijw_bericht_uit ON ijw_bericht (identificatie) WHERE richting = 'uit';
CREATE UNIQUE INDEX ijw_bericht_in ON ijw_bericht (aanbieder_agb, identificatie, dagtekening)
    WHERE richting = 'in';

-- Read with the zaak; a provider reads only the JW301s addressed to it. A
-- message is written by the CJG that may act on the zaak: at a beschikking,
-- or when a JW315 is taken in for the receiving gemeente's CJG.
ALTER TABLE ijw_bericht ENABLE ROW LEVEL SECURITY;
ALTER TABLE ijw_bericht FORCE ROW LEVEL SECURITY;
CREATE POLICY ijw_bericht_lezen ON ijw_bericht FOR SELECT USING (zaak_id_zichtbaar(zaak_id)
    AND (current_setting('toegang.rol', true) <> 'aanbieder'
         OR (richting = 'uit' AND aanbieder_agb = current_setting('toegang.identiteit', true))));
CREATE POLICY ijw_bericht_aanmaken ON ijw_bericht FOR INSERT WITH CHECK (zaak_cjg_mag_id(zaak_id));
REVOKE ALL ON ijw_bericht FROM PUBLIC;
GRANT SELECT, INSERT ON ijw_bericht TO toegang_app;
GRANT USAGE ON SEQUENCE ijw_bericht_nummer_seq TO toegang_app;

/*
 * Stapeling (iJw WJ759 code 6): the active toewijzingen (einddatum today or
 * later) that the jeugdige of zaak p_zaak already has, in any zaak and any
 * gemeente, in the zaak's productcategorie with another provider than the
 * one the zaak names. Only for the CJG that may act on the zaak, and only
 * the category and the period: the other zaken stay unreadable to it.
 */
SELECT systeem_beleid('betrokkene');
CREATE FUNCTION stapeling(p_zaak uuid)
RETURNS TABLE (productcategorie bpchar, ingangsdatum date, einddatum date, toewijzingen bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
    z zaak;
BEGIN
    SELECT * INTO z FROM zaak WHERE id = p_zaak;  -- as the caller: its own policies apply
    IF NOT FOUND OR NOT zaak_cjg_mag(z) OR z.productcategorie IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config('toegang.systeem', 'aan', true);
    RETURN QUERY
    SELECT w.productcategorie, min(w.ingangsdatum), max(w.einddatum), count(*)
      FROM betrokkene j
      JOIN zaak o ON o.partij_bsn @> ARRAY[j.bsn::text] AND o.id <> z.id
      JOIN betrokkene k ON k.zaak_id = o.id AND k.rol = 'jeugdige' AND k.bsn = j.bsn
      JOIN toewijzing w ON w.zaak_id = o.id
     WHERE j.zaak_id = z.id AND j.rol = 'jeugdige'
       AND w.productcategorie = z.productcategorie
       AND w.einddatum >= (now() AT TIME ZONE 'Europe/Amsterdam')::date
       AND (z.aanbieder_agb IS NULL OR w.aanbieder_agb IS DISTINCT FROM z.aanbieder_agb)
     GROUP BY w.productcategorie;
    PERFORM set_config('toegang.systeem', '', true);
END
$$;
REVOKE ALL ON FUNCTION stapeling(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stapeling(uuid) TO toegang_app;
