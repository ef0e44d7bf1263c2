#!/usr/bin/env bash
# Online backup of both databases into a new directory (default backups/<UTC timestamp>), found
# through the services' own variables (BADGES_DB_URL..., BADGES_QUERY_DB_URL..., BADGES_DATA_DIR;
# none set: the embedded default's SQLite files under ./data). Consistent per database: SQLite
# VACUUM INTO, PostgreSQL one REPEATABLE READ snapshot. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-backups/$(date -u +%Y%m%dT%H%M%SZ)}
./mvnw -q -B -ntp -DskipTests -pl data-tools -am install
./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass=io.badges.tools.BackupTool \
  -Dexec.args="backup --dir $(realpath -m "$DIR")"
echo "backup written to $DIR"
