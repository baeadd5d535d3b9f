-- Record a file synth wrote. $1 sha256, $2 file name, $3 seed, $4 cases.
INSERT OR IGNORE INTO synthetic_input VALUES ($1, $2, $3, $4, current_timestamp::TIMESTAMP);
