#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh. Stop both services first. PostgreSQL: the target
# databases must be new and empty (the tool migrates them, then copies the rows in); SQLite: the
# files under BADGES_DATA_DIR are replaced. Then start the services: the projection resumes from
# the restored token. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:?usage: scripts/restore.sh BACKUP_DIR}
./mvnw -q -B -ntp -DskipTests -pl data-tools -am install
./mvnw -q -B -ntp -pl data-tools exec:java -Dexec.mainClass=io.badges.tools.BackupTool \
  -Dexec.args="restore --dir $(realpath "$DIR")"
