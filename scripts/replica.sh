#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL, for DATABASE_REPLICA_URL (README "Beyond one
# machine"; tests/integration/read-replica.int.test.ts). Debian's postgresql-common layout:
# the primary is cluster <version>/main on 127.0.0.1:5432; the standby is cluster
# <version>/replica on 127.0.0.1:$REPLICA_PORT (5433), filled by `pg_basebackup -R` and fed
# by streaming replication from a REPLICATION role.
#
# Idempotent and quick: a standby that is already streaming is left alone (well under a
# second); a stopped one is started; one that cannot catch up (its WAL was recycled on the
# primary) or is not a standby of this primary is dropped and rebuilt from a fresh base
# backup (a few seconds on the test cluster). No replication slot: a standby left stopped
# never makes the primary keep WAL (and fill the disk); it is rebuilt instead.
#
# Usage: scripts/replica.sh          set up / check; the last line printed is the standby's
#                                    base URL (postgresql://postgres@127.0.0.1:5433)
#        scripts/replica.sh stop     stop the standby (kept on disk)
#        scripts/replica.sh drop     stop and delete it
# Must run as root (or as postgres). Edits the primary's pg_hba.conf once (a `replication`
# line for 127.0.0.1) and reloads it; never restarts the primary.
set -euo pipefail

PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
NAME="${REPLICA_CLUSTER:-replica}"
ROLE="thidua_replicator"
HOST=127.0.0.1

log() { echo "[replica] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_p() { psql "postgresql://postgres@$HOST:$PRIMARY_PORT/postgres" -qAtX -v ON_ERROR_STOP=1 "$@"; }
psql_r() { psql "postgresql://postgres@$HOST:$REPLICA_PORT/postgres" -qAtX "$@" 2>/dev/null; }

command -v pg_lsclusters >/dev/null || die "postgresql-common (pg_lsclusters) is not installed"
# The primary's cluster: the one on PRIMARY_PORT.
read -r VERSION PRIMARY < <(pg_lsclusters -h | awk -v p="$PRIMARY_PORT" '$3 == p { print $1, $2; exit }') || true
[ -n "${VERSION:-}" ] || die "no PostgreSQL cluster on port $PRIMARY_PORT (pg_lsclusters)"
[ "$PRIMARY" != "$NAME" ] || die "the primary is itself named $NAME"
CONF="/etc/postgresql/$VERSION/$NAME"
DATA="/var/lib/postgresql/$VERSION/$NAME"
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" "$@"; }
exists() { pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n { f = 1 } END { exit !f }'; }

case "${1:-up}" in
  stop) if exists; then ctl stop -m fast || true; fi; exit 0 ;;
  drop) if exists; then pg_dropcluster --stop "$VERSION" "$NAME"; fi; exit 0 ;;
  up) ;;
  *) die "usage: $0 [up|stop|drop]" ;;
esac

pg_isready -q -h "$HOST" -p "$PRIMARY_PORT" || die "the primary is not running on $HOST:$PRIMARY_PORT"

# --- primary: settings, role, pg_hba ---------------------------------------------------
[ "$(psql_p -c 'SHOW wal_level')" != minimal ] \
  || die "the primary has wal_level=minimal; set wal_level=replica and restart it"
[ "$(psql_p -c 'SHOW max_wal_senders')" -gt 0 ] \
  || die "the primary has max_wal_senders=0; raise it and restart it"
psql_p -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE WITH LOGIN REPLICATION;
  END IF; END \$\$"
HBA="$(psql_p -c 'SHOW hba_file')"
if ! grep -Eq "^[[:space:]]*host[[:space:]]+replication[[:space:]]+($ROLE|all)[[:space:]]+$HOST/32" "$HBA"; then
  log "allowing streaming replication for $ROLE from $HOST in $HBA"
  printf '# streaming standby (scripts/replica.sh)\nhost replication %s %s/32 trust\n' "$ROLE" "$HOST" >> "$HBA"
  psql_p -c 'SELECT pg_reload_conf()' >/dev/null
  sleep 0.2
fi

# --- standby: healthy already? -------------------------------------------------------
streaming() {
  # A standby in recovery whose WAL receiver streams from our primary.
  [ "$(psql_r -c 'SELECT pg_is_in_recovery()')" = t ] || return 1
  [ "$(psql_r -c "SELECT status = 'streaming' AND sender_port = $PRIMARY_PORT FROM pg_stat_wal_receiver")" = t ]
}
wait_streaming() { # seconds
  local i
  for i in $(seq 1 $(( $1 * 5 ))); do
    streaming && return 0
    sleep 0.2
  done
  return 1
}
same_system() {
  # The standby was cloned from this primary (not from an earlier, re-initialised one).
  local a b
  a="$(psql_p -c 'SELECT system_identifier FROM pg_control_system()')"
  b="$(psql_r -c 'SELECT system_identifier FROM pg_control_system()')"
  [ -n "$b" ] && [ "$a" = "$b" ]
}

if exists; then
  if pg_isready -q -h "$HOST" -p "$REPLICA_PORT" && same_system && wait_streaming 5; then
    log "standby $VERSION/$NAME on $HOST:$REPLICA_PORT is streaming"
    echo "postgresql://postgres@$HOST:$REPLICA_PORT"
    exit 0
  fi
  if ! pg_isready -q -h "$HOST" -p "$REPLICA_PORT"; then
    log "starting standby $VERSION/$NAME"
    ctl start || true
    if same_system && wait_streaming 10; then
      log "standby $VERSION/$NAME on $HOST:$REPLICA_PORT is streaming"
      echo "postgresql://postgres@$HOST:$REPLICA_PORT"
      exit 0
    fi
  fi
  log "standby $VERSION/$NAME is not streaming from the primary: rebuilding it"
  pg_dropcluster --stop "$VERSION" "$NAME"
fi

# --- build: an empty cluster for the Debian config, then the primary's base backup -----
pg_isready -q -h "$HOST" -p "$REPLICA_PORT" && die "port $REPLICA_PORT is taken by another server"
t0=$(date +%s%N)
pg_createcluster "$VERSION" "$NAME" -p "$REPLICA_PORT" --start-conf=manual >/dev/null
find "$DATA" -mindepth 1 -delete
# -c fast: an immediate checkpoint instead of a spread one (which would take minutes);
# -X stream: the WAL written meanwhile comes along; -R: standby.signal + primary_conninfo.
as_pg pg_basebackup -h "$HOST" -p "$PRIMARY_PORT" -U "$ROLE" -D "$DATA" -R -X stream -c fast
# Settings a hot standby must share with its primary (at least as large), plus our own.
{
  echo "# scripts/replica.sh: streaming standby of $VERSION/$PRIMARY"
  echo "port = $REPLICA_PORT"
  echo "listen_addresses = '$HOST'"
  echo "ssl = off"
  echo "hot_standby = on"
  for s in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    echo "$s = $(psql_p -c "SHOW $s")"
  done
} > "$CONF/conf.d/90-thidua-replica.conf"
# The same client authentication as the primary (tests and the app connect as on the primary).
cp "$HBA" "$CONF/pg_hba.conf"
chown postgres:postgres "$CONF/conf.d/90-thidua-replica.conf" "$CONF/pg_hba.conf" 2>/dev/null || true
ctl start
wait_streaming 30 || die "the standby started but does not stream (see /var/log/postgresql/postgresql-$VERSION-$NAME.log)"
log "standby $VERSION/$NAME built and streaming on $HOST:$REPLICA_PORT in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
echo "postgresql://postgres@$HOST:$REPLICA_PORT"
