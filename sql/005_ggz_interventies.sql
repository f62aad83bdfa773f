-- Psychologische interventies within the GGZ (Nadere regels 3.7.5): the
-- Zorginstituut Nederland overview as the seed's bijlage quotes it (Nov. 2014).
-- A dated list: a newer overview is added with its own geldig_van (and the
-- old rows get a geldig_tot), never by editing these rows. "stoornis" is the
-- disorder a specific intervention applies to, where the list names one.

CREATE TABLE ggz_interventie (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lijst      text NOT NULL CHECK (lijst IN ('positief', 'negatief')),
    naam       text NOT NULL,
    stoornis   text,
    bron       text NOT NULL,
    geldig_van date NOT NULL,
    geldig_tot date,
    UNIQUE (naam, geldig_van)
);

INSERT INTO ggz_interventie (lijst, naam, stoornis, bron, geldig_van) VALUES
    ('positief', 'Cognitieve gedragstherapie (CGT)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Problem solving therapie (PST)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Interpersoonlijke therapie (IPT)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Kortdurende psychodynamische psychotherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Motiverende gespreksvoering (MGV)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Cue-exposure behandeling', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Gedragstherapeutische relatietherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Groepspsychotherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Exposure in vivo', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Psychologische paniekmanagement', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Cognitieve herstructurering', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Systeemtherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Community reinforcement approach (CRA)', 'verslaving', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Deep Brain Stimulation', 'obsessieve-compulsieve stoornis', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Hypnotherapie', 'conversiestoornis', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Dialectische gedragstherapie', 'borderline persoonlijkheidsstoornis', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Systems training for emotionally predictability and problem solving (STEPPS)', 'persoonlijkheidsstoornissen', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Mentalization based therapy (MBT)', 'borderline persoonlijkheidsstoornis', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Mindfulness based cognitieve gedragstherapie (MBCT)', 'recidiverende depressie', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Relaxatietherapie', 'gegeneraliseerde angststoornis', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('positief', 'Eye movement desensitization and reprocessing (EMDR)', 'post traumatisch stresssyndroom (PTSS)', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Neurofeedback', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Psychoanalyse', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Op inzicht gerichte psychotherapeutische interventies', 'bij alcoholafhankelijkheid', 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Maudsley methode', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'KIDD workshop', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Tomatis therapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'QEEG geïntegreerde therapie: kwantitative Elektro EncefaloGrafie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'MET (mentaal-Emotieve Training)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Cogmed werkgeheugentraining', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Gestalttherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Haptotherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'i-TOF (Ingratieve therapie op formaat)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Speyertherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Mind-tuning', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Mindfulnesscursus/-training', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Psychosynthese', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Rebirthing', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Regressietherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Wat-Sji-Gong', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Neuro linguïstisch programmeren (NLP)', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Psycho-energetische psychotherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Emotional Freedom Technique', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Existentiële therapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Klankschaaltherapie', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01'),
    ('negatief', 'Reiki', NULL, 'Zorginstituut Nederland, nov. 2014', '2014-11-01');

REVOKE ALL ON ggz_interventie FROM PUBLIC;
GRANT SELECT ON ggz_interventie TO toegang_app;
CREATE INDEX ggz_interventie_naam ON ggz_interventie (lower(naam));
