<?php
/**
 * An EspoCRM hook that scores the survey CSV of a Survey entity before it is
 * saved: custom/Espo/Custom/Hooks/Survey/JtbdScore.php, with Jtbd.php
 * loadable (here: beside this directory). Fields: surveyCsv and segmentBy
 * (in); jtbdReport, jtbdTopOutcome, jtbdTopOpportunity, jtbdError (out).
 */

namespace Espo\Custom\Hooks\Survey;

use Espo\ORM\Entity;

require_once __DIR__ . '/../Jtbd.php';

class JtbdScore
{
    public static int $order = 10;

    private static ?\Jtbd\Scorer $scorer = null;

    public function beforeSave(Entity $entity, array $options): void
    {
        $csv = $entity->get('surveyCsv');
        if (!$csv || !$entity->isAttributeChanged('surveyCsv')) {
            return;
        }
        self::$scorer = self::$scorer ?? new \Jtbd\Scorer();
        try {
            $json = self::$scorer->scoreCsv(
                $csv, $entity->get('name') ?: 'survey.csv',
                $entity->get('segmentBy'));
        } catch (\Jtbd\Error $error) {
            $entity->set('jtbdError', $error->getMessage());
            return;
        }
        $top = json_decode($json, true)['outcomes'][0] ?? null;
        $entity->set([
            'jtbdReport' => $json,
            'jtbdTopOutcome' => $top['outcomeId'] ?? null,
            'jtbdTopOpportunity' => $top['opportunity'] ?? null,
            'jtbdError' => null,
        ]);
    }
}
