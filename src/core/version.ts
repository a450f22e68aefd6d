// The version printed by `ti-aides --version` and written in every JSON output. Its own module so
// that `--version` loads nothing else.
export const VERSION = "1.0.0";
