<?php
/**
 * Jtbd.php - libjtbd from PHP through FFI (PHP >= 7.4, ext-ffi), for CRM
 * plugins (SuiteCRM, EspoCRM, ...) that score surveys inside the CRM.
 *
 *   $scorer = new \Jtbd\Scorer();          // libjtbd.so.1 + jtbd_ffi.h
 *   $json = $scorer->scoreCsv($csv, 'survey.csv', 'segment');
 *   $report = json_decode($json, true);    // jtbd.v1.Report, as
 *                                          // `jtbd score --format json`
 *
 * FFI needs ffi.enable=1 (php -d ffi.enable=1, or php.ini); the CLI's
 * default "preload" also allows it. The declarations come from jtbd_ffi.h,
 * which the build generates from jtbd.h and installs under share/jtbd/
 * (PHP's FFI parser has no preprocessor, so jtbd.h itself cannot be used).
 */

namespace Jtbd;

/** A libjtbd error: getCode() is the jtbd_code, codeName its name. */
final class Error extends \RuntimeException
{
    public string $codeName;

    public function __construct(int $code, string $codeName, string $message)
    {
        parent::__construct($codeName . ': ' . $message, $code);
        $this->codeName = $codeName;
    }
}

final class Scorer
{
    private const MAJOR_VERSION = 1;

    private \FFI $ffi;

    /**
     * @param ?string $library path or name of libjtbd; default
     *     $JTBD_LIBRARY, else "libjtbd.so.1" through the dynamic loader
     * @param ?string $header path of jtbd_ffi.h; default $JTBD_FFI_HEADER,
     *     else share/jtbd/jtbd_ffi.h beside the library's lib directory,
     *     else /usr/local/share/jtbd or /usr/share/jtbd
     */
    public function __construct(?string $library = null, ?string $header = null)
    {
        $library = $library ?? (getenv('JTBD_LIBRARY') ?: 'libjtbd.so.1');
        $header = $header ?? self::findHeader($library);
        $declarations = @file_get_contents($header);
        if ($declarations === false) {
            throw new \RuntimeException("cannot read the jtbd FFI header $header");
        }
        $this->ffi = \FFI::cdef($declarations, $library);
        $number = $this->ffi->jtbd_version_number();
        if (intdiv($number, 10000) !== self::MAJOR_VERSION) {
            throw new \RuntimeException(
                'libjtbd ' . $this->version() . ' is not major version ' .
                self::MAJOR_VERSION);
        }
    }

    private static function findHeader(string $library): string
    {
        $fromEnv = getenv('JTBD_FFI_HEADER');
        if ($fromEnv) {
            return $fromEnv;
        }
        $candidates = [];
        if (strpos($library, '/') !== false) {
            // <prefix>/lib/libjtbd.so.1 or <prefix>/lib/<multiarch>/...
            $libDir = dirname($library);
            $candidates[] = "$libDir/../share/jtbd/jtbd_ffi.h";
            $candidates[] = "$libDir/../../share/jtbd/jtbd_ffi.h";
        }
        $candidates[] = '/usr/local/share/jtbd/jtbd_ffi.h';
        $candidates[] = '/usr/share/jtbd/jtbd_ffi.h';
        foreach ($candidates as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        return $candidates[0];
    }

    public function version(): string
    {
        return $this->ffi->jtbd_version_string();
    }

    /**
     * Scores a survey CSV (long or wide layout, as `jtbd score` reads) and
     * returns the report as JSON text. Throws Error naming the line and
     * column of a refused file.
     */
    public function scoreCsv(
        string $csv,
        string $sourceName = 'survey.csv',
        ?string $segmentBy = null,
        ?int $scaleMin = null,
        ?int $scaleMax = null,
        ?int $topBox = null
    ): string {
        $ffi = $this->ffi;
        $readOptions = $ffi->new('jtbd_read_options*');
        $scoreOptions = $ffi->new('jtbd_score_options*');
        $report = $ffi->new('jtbd_report*');
        try {
            $this->check($ffi->jtbd_read_options_create(\FFI::addr($readOptions)));
            // Unset: the library's default scale (jtbd.h), never restated here.
            if ($scaleMin !== null || $scaleMax !== null || $topBox !== null) {
                if ($scaleMin === null || $scaleMax === null || $topBox === null) {
                    throw new \InvalidArgumentException(
                        'scaleMin, scaleMax and topBox go together');
                }
                $this->check($ffi->jtbd_read_options_set_scale(
                    $readOptions, $scaleMin, $scaleMax, $topBox));
            }
            $this->check($ffi->jtbd_score_options_create(\FFI::addr($scoreOptions)));
            if ($segmentBy !== null && $segmentBy !== '') {
                $this->check($ffi->jtbd_score_options_set_segment_by(
                    $scoreOptions, $segmentBy, strlen($segmentBy)));
            }
            // Read and scored in one step, as `jtbd score` does: no
            // respondent is kept in memory.
            $this->check($ffi->jtbd_score_survey(
                $readOptions, $scoreOptions, $csv, strlen($csv), $sourceName,
                strlen($sourceName), \FFI::addr($report)));
            return $this->render($report);
        } finally {
            // Each destroy function accepts NULL.
            $ffi->jtbd_report_destroy($report);
            $ffi->jtbd_score_options_destroy($scoreOptions);
            $ffi->jtbd_read_options_destroy($readOptions);
        }
    }

    /** A jtbd.v1.ScoreRequest in protobuf JSON in, the report JSON out. */
    public function scoreRequestJson(string $requestJson): string
    {
        $buffer = $this->ffi->new('jtbd_buffer*');
        $this->check($this->ffi->jtbd_score_request_json(
            $requestJson, strlen($requestJson), \FFI::addr($buffer)));
        return $this->takeBuffer($buffer);
    }

    private function render($report): string
    {
        $buffer = $this->ffi->new('jtbd_buffer*');
        $this->check($this->ffi->jtbd_report_render(
            $report, $this->ffi->JTBD_FORMAT_JSON, \FFI::addr($buffer)));
        return $this->takeBuffer($buffer);
    }

    private function takeBuffer($buffer): string
    {
        try {
            return \FFI::string($this->ffi->jtbd_buffer_data($buffer),
                                $this->ffi->jtbd_buffer_size($buffer));
        } finally {
            $this->ffi->jtbd_buffer_free($buffer);
        }
    }

    /** Turns a non-NULL jtbd_error* into Error, freeing it. */
    private function check($error): void
    {
        if ($error === null) {
            return;
        }
        $code = $this->ffi->jtbd_error_code($error);
        $message = $this->ffi->jtbd_error_message($error, null);
        $this->ffi->jtbd_error_free($error);
        throw new Error($code, $this->ffi->jtbd_code_name($code), $message);
    }
}
