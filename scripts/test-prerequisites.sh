#!/usr/bin/env bash
# Run by `npm test` before the tests: makes sure of the real servers they start or talk to.
# As root with apt, a missing Debian package is installed and a stopped server started; for
# anyone else it stops at once with the exact command to run. No test is ever skipped for a
# missing server.
set -euo pipefail

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

updated=no
need_packages() {
  local why=$1; shift
  if can_install; then
    echo "test prerequisites: installing $* ($why)"
    if [ "$updated" = no ]; then apt-get update -qq; updated=yes; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "test prerequisites: $why needs Debian's $*; run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $*" >&2
    exit 1
  fi
}

# The mailbox tests run a real IMAP server of their own: Dovecot.
[ -x /usr/sbin/dovecot ] && [ -x /usr/bin/doveadm ] || need_packages "the IMAP tests" dovecot-imapd

# The browser tests drive the workspace in headless Chromium through playwright-core, which
# downloads no browser of its own: Debian's chromium is the one it starts.
[ -x /usr/bin/chromium ] || need_packages "the browser tests" chromium

# The files ERP's tests validate every UBL document they make against OASIS's schema with xmllint.
[ -x /usr/bin/xmllint ] || need_packages "the UBL validation in the files ERP tests" libxml2-utils

# The store tests use the local PostgreSQL (trust auth on loopback, a database named test), and
# the fault tests start servers of their own from the same binaries.
if [ -z "${OFFERFLOW_TEST_DATABASE_URL:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
    need_packages "the PostgreSQL tests" postgresql
    # A fresh Debian cluster asks loopback clients for a password; the tests' database trusts them.
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' /etc/postgresql/*/main/pg_hba.conf
    cluster=$(ls /etc/postgresql | sort | tail -1)
    pg_isready -h 127.0.0.1 -p 5432 -q && pg_ctlcluster --skip-systemctl-redirect "$cluster" main reload
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    cluster=$(ls /etc/postgresql | sort | tail -1)
    if [ "$(id -u)" = 0 ]; then
      echo "test prerequisites: starting PostgreSQL $cluster"
      pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
      for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
    else
      echo "test prerequisites: PostgreSQL is not running on 127.0.0.1:5432; run:" >&2
      echo "  sudo pg_ctlcluster $cluster main start" >&2
      exit 1
    fi
  fi
  if ! psql -h 127.0.0.1 -U postgres -Atc "select 1" postgres >/dev/null 2>&1; then
    echo "test prerequisites: PostgreSQL on 127.0.0.1:5432 does not let the user postgres in without a password;" >&2
    echo "  set the loopback lines of pg_hba.conf to trust, or give OFFERFLOW_TEST_DATABASE_URL" >&2
    exit 1
  fi
  psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname = 'test'" postgres | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc 'create database test' postgres
fi
