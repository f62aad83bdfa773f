-- What the other three routes bring to a zaak (API.md "Creating a zaak"):
-- the court or GI decision behind a mandaat, and the family's consent on an
-- overdracht. The reason of a verwijzing or overdracht is verwijzing_reden.

ALTER TABLE zaak
    ADD COLUMN maatregel text
        CHECK (maatregel IN ('ots', 'voogdij', 'jeugdreclassering',
                             'machtiging_gesloten_jeugdhulp', 'overig')),
    ADD COLUMN uitspraakdatum date,
    ADD COLUMN kenmerk text,
    -- Only true is ever stored: without consent an overdracht is refused.
    ADD COLUMN toestemming_gegevensdeling boolean,
    ADD CONSTRAINT zaak_mandaat_compleet CHECK (route <> 'mandaat' OR
        (maatregel IS NOT NULL AND uitspraakdatum IS NOT NULL AND kenmerk IS NOT NULL)),
    ADD CONSTRAINT zaak_overdracht_toestemming CHECK (route <> 'overdracht' OR
        (toestemming_gegevensdeling AND verwijzing_reden IS NOT NULL));
