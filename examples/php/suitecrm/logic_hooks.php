<?php
// custom/modules/<Module>/logic_hooks.php: runs JtbdScoreHook::scoreSurvey
// before each save of the module's records.
$hook_version = 1;
$hook_array = $hook_array ?? [];
$hook_array['before_save'] = $hook_array['before_save'] ?? [];
$hook_array['before_save'][] = [
    10,                                   // order
    'Score the JTBD survey',              // label
    __DIR__ . '/JtbdScoreHook.php',       // file
    'JtbdScoreHook',                      // class
    'scoreSurvey',                        // method
];
