<?php
/**
 * Runs the SuiteCRM or EspoCRM hook on a survey file the way the CRM would
 * (a record about to be saved), without the CRM, and prints the top outcome
 * of all respondents and of each "segment" value:
 *
 *   php -d ffi.enable=1 run_hooks.php suitecrm|espocrm SURVEY.csv
 *
 * Finds libjtbd through $JTBD_LIBRARY or the loader, and jtbd_ffi.h through
 * $JTBD_FFI_HEADER or the install tree (see Jtbd.php). Exit status 1 when
 * the hook recorded an error (printed as "error: ...").
 */

namespace Espo\ORM {
    // The part of EspoCRM's entity interface the hook uses.
    interface Entity
    {
        public function get(string $attribute);
        public function set($attribute, $value = null): void;
        public function isAttributeChanged(string $name): bool;
    }
}

namespace {
    require_once __DIR__ . '/suitecrm/JtbdScoreHook.php';
    require_once __DIR__ . '/espocrm/JtbdScore.php';

    /** A new record: every attribute counts as changed. */
    final class NewEntity implements \Espo\ORM\Entity
    {
        private array $values;

        public function __construct(array $values)
        {
            $this->values = $values;
        }

        public function get(string $attribute)
        {
            return $this->values[$attribute] ?? null;
        }

        public function set($attribute, $value = null): void
        {
            $this->values = is_array($attribute)
                ? array_merge($this->values, $attribute)
                : array_merge($this->values, [$attribute => $value]);
        }

        public function isAttributeChanged(string $name): bool
        {
            return array_key_exists($name, $this->values);
        }
    }

    function topLine(string $name, int $respondents, array $o): string
    {
        return sprintf('%s (%d): %d %s %d/%d %d/%d %.6f %s', $name,
            $respondents, $o['rank'], $o['outcomeId'],
            $o['importanceTopBoxCount'], $o['importanceCount'],
            $o['satisfactionTopBoxCount'], $o['satisfactionCount'],
            $o['opportunity'], strtolower(substr($o['band'], strlen('BAND_'))));
    }

    if ($argc !== 3 || !in_array($argv[1], ['suitecrm', 'espocrm'], true)) {
        fwrite(STDERR, "usage: run_hooks.php suitecrm|espocrm SURVEY.csv\n");
        exit(2);
    }
    $csv = file_get_contents($argv[2]);
    if ($csv === false) {
        exit(2);
    }
    $name = basename($argv[2]);

    if ($argv[1] === 'suitecrm') {
        // SuiteCRM calls each before_save hook with the bean, the event
        // name and an arguments array.
        $bean = new stdClass();
        $bean->name = $name;
        $bean->jtbd_survey_csv_c = $csv;
        $bean->jtbd_segment_by_c = 'segment';
        (new JtbdScoreHook())->scoreSurvey($bean, 'before_save', []);
        $error = $bean->jtbd_error_c;
        $json = $bean->jtbd_report_c ?? null;
        $top = $bean->jtbd_top_outcome_c ?? null;
    } else {
        // EspoCRM calls beforeSave(Entity, options) on each hook class.
        $entity = new NewEntity(['name' => $name, 'surveyCsv' => $csv,
                                 'segmentBy' => 'segment']);
        (new \Espo\Custom\Hooks\Survey\JtbdScore())->beforeSave($entity, []);
        $error = $entity->get('jtbdError');
        $json = $entity->get('jtbdReport');
        $top = $entity->get('jtbdTopOutcome');
    }
    if ($error) {
        echo "error: $error\n";
        exit(1);
    }

    $report = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    if ($top !== $report['outcomes'][0]['outcomeId']) {
        fwrite(STDERR, "the hook's top outcome field disagrees with its report\n");
        exit(1);
    }
    echo 'jtbd ', (new \Jtbd\Scorer())->version(), "\n";
    echo topLine('all', $report['respondentCount'], $report['outcomes'][0]), "\n";
    foreach ($report['segments'] as $segment) {
        echo topLine($segment['name'], $segment['respondentCount'],
                     $segment['outcomes'][0]), "\n";
    }
}
