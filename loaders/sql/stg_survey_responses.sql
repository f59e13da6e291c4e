-- Staging table stg_survey_responses: one row per questionnaire response (Kobo, LimeSurvey,
-- Google Forms, paper). No name, e-mail or account of the respondent is stored.
CREATE TABLE IF NOT EXISTS stg_survey_responses (
  response_ref VARCHAR PRIMARY KEY, -- keyed pseudonym of the export's own id (_uuid, id, N°…)
  structure_id VARCHAR NOT NULL,    -- from a structure column, else from the folder
  source_format VARCHAR NOT NULL,   -- kobotoolbox, limesurvey, google-forms, questionnaire-papier
  form_id VARCHAR,                  -- when the export names its form (form_id column)
  form_version VARCHAR,             -- Kobo __version__
  submitted_at TIMESTAMP,           -- Europe/Paris local time (offsets converted; Kobo's UTC
                                    -- _submission_time too); NULL when absent, unknown, unreadable
  wave VARCHAR,                     -- avant | apres (T0/T1, pré/post…), or another wave as typed
  validation_status VARCHAR,        -- Kobo _validation_status
  submitter_ref VARCHAR,            -- keyed pseudonym of Kobo's _submitted_by (the account)
  respondent_ref VARCHAR,           -- keyed pseudonym of the respondent code (code_repondant…),
                                    -- the same for one person's waves: pairs avant/après
  complete BOOLEAN,                 -- false: LimeSurvey response without submitdate (incomplete);
                                    -- true: a submitted response; NULL: the export does not say
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL
);
