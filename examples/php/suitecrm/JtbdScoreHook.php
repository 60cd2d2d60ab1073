<?php
/**
 * A SuiteCRM logic hook that scores the survey CSV stored on a record
 * before it is saved. Install as custom/modules/<Module>/JtbdScoreHook.php
 * with Jtbd.php beside it, and register it in that module's logic_hooks.php
 * (see logic_hooks.php here). Custom fields used:
 *   jtbd_survey_csv_c (text, in), jtbd_segment_by_c (varchar, in),
 *   jtbd_report_c (text: the report JSON), jtbd_top_outcome_c (varchar),
 *   jtbd_top_opportunity_c (decimal), jtbd_error_c (varchar).
 */

require_once __DIR__ . '/../Jtbd.php';

class JtbdScoreHook
{
    private static ?\Jtbd\Scorer $scorer = null;

    /** before_save: $bean is the record about to be written. */
    public function scoreSurvey($bean, $event, $arguments): void
    {
        if (empty($bean->jtbd_survey_csv_c)) {
            return;
        }
        // One FFI handle per PHP process: parsing the declarations once.
        self::$scorer = self::$scorer ?? new \Jtbd\Scorer();
        try {
            $json = self::$scorer->scoreCsv(
                $bean->jtbd_survey_csv_c,
                ($bean->name ?? '') !== '' ? $bean->name : 'survey.csv',
                $bean->jtbd_segment_by_c ?? null);
        } catch (\Jtbd\Error $error) {
            // Saving goes on; the previous scores stay and the user sees why
            // the new file was refused (file, line and column).
            $bean->jtbd_error_c = $error->getMessage();
            return;
        }
        $report = json_decode($json, true);
        $top = $report['outcomes'][0] ?? null;
        $bean->jtbd_report_c = $json;
        $bean->jtbd_top_outcome_c = $top['outcomeId'] ?? '';
        $bean->jtbd_top_opportunity_c = $top['opportunity'] ?? null;
        $bean->jtbd_error_c = '';
    }
}
