#!/usr/bin/env bash
# sqlmap against the real app on loopback, with a fresh SQLite database and the demo accounts.
# Signs in per role and runs sqlmap (--batch, modest level/risk, a time limit per target) against the
# list/search pages that take query parameters and a few forms (with a fresh antiforgery token per
# request). Prints one verdict line at the end; exit 0 when nothing was found, 1 when sqlmap reports
# an injection point, 2 when the run itself failed. Not part of CI (it takes several minutes).
#
#   tests/security/sqlmap.sh                  # all targets, 150 s each at most
#   PER_TARGET_SECONDS=60 tests/security/sqlmap.sh
set -euo pipefail

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${PORT:-5187}"
BASE="http://127.0.0.1:${PORT}"
PER_TARGET_SECONDS="${PER_TARGET_SECONDS:-150}"
LEVEL="${LEVEL:-2}"
RISK="${RISK:-1}"
ART="${ART:-/tmp/art-sqlmap}"
WORK="$(mktemp -d /tmp/agentprogram-sqlmap.XXXXXX)"
PASSWORD="Sandi-Demo-Rahasia-2026"
LOG="$WORK/sqlmap.log"
APP_PID=""

verdict() { echo "sqlmap verdict: $*"; }

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

if ! command -v sqlmap >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1 && [[ "${ALLOW_APT:-1}" == "1" ]]; then
    apt-get install -y sqlmap >"$WORK/apt.log" 2>&1 || { apt-get update >>"$WORK/apt.log" 2>&1 && apt-get install -y sqlmap >>"$WORK/apt.log" 2>&1; } \
      || { verdict "FAILED: sqlmap is not installed and apt-get could not install it (see $WORK/apt.log)"; exit 2; }
  else
    verdict "FAILED: sqlmap is not installed (apt-get install -y sqlmap)"; exit 2
  fi
fi

echo "building the app into $ART ..."
dotnet build "$REPO/src/AgentProgram.Web" -c Release --artifacts-path "$ART" -v quiet -nologo >"$WORK/build.log" 2>&1 \
  || { verdict "FAILED: build failed (see $WORK/build.log)"; exit 2; }
DLL="$(find "$ART/bin/AgentProgram.Web" -name AgentProgram.Web.dll | head -1)"

echo "starting the app on $BASE (data in $WORK/data) ..."
(
  cd "$REPO/src/AgentProgram.Web"
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
  Storage__DataPath="$WORK/data" ConnectionStrings__Default="" Database__Provider=Sqlite Database__MigrateOnStartup=true \
  Seed__DemoOnStartup=true Security__SignInAttemptsPerMinutePerIp=100000 Security__RequireTwoFactorForStaff=false \
  Logging__LogLevel__Default=Warning \
  exec dotnet "$DLL" --contentRoot "$REPO/src/AgentProgram.Web"
) >"$WORK/app.log" 2>&1 &
APP_PID=$!

for _ in $(seq 1 600); do
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { verdict "FAILED: the app stopped at start (see $WORK/app.log)"; exit 2; }
  sleep 1
done
curl -fsS "$BASE/health/ready" >/dev/null || { verdict "FAILED: the app did not become ready (see $WORK/app.log)"; exit 2; }

# Signs in as a demo account; prints the Cookie header value.
sign_in() {
  local email="$1" jar="$WORK/$1.jar" token
  token="$(curl -fsS -c "$jar" -b "$jar" "$BASE/akun/masuk" | grep -o 'name="__af" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=$PASSWORD" --data-urlencode "__af=$token" "$BASE/akun/masuk"
  local cookie
  cookie="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")"
  [[ "$cookie" == *"AgentProgram="* ]] || { verdict "FAILED: could not sign in as $email"; exit 2; }
  printf '%s' "${cookie%; }"
}

ADMIN="$(sign_in admin@demo.test)"
HR="$(sign_in kepegawaian@demo.test)"
HUMAS="$(sign_in humas@demo.test)"
AGENT="$(sign_in agen1@demo.test)"

# Cookies are the session: never inject into them (that only signs sqlmap out).
COMMON=(--batch --level="$LEVEL" --risk="$RISK" --dbms=SQLite --technique=BEUST --time-sec=2
        --param-exclude='^(AgentProgram.*|__af|\.AspNetCore.*)$' --skip-static --disable-coloring
        --output-dir="$WORK/out" --flush-session)

FOUND=()
UNCLEAR=()
CLEAN=0
TESTED=0
# target NAME COOKIE URL [extra sqlmap args...]
target() {
  local name="$1" cookie="$2" url="$3"; shift 3
  echo "== $name: $url" | tee -a "$LOG"
  local out="$WORK/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').txt"
  timeout --signal=INT "$PER_TARGET_SECONDS" sqlmap -u "$url" --cookie="$cookie" "${COMMON[@]}" "$@" >"$out" 2>&1 || true
  cat "$out" >>"$LOG"
  TESTED=$((TESTED + 1))
  # Only a confirmed point counts: sqlmap itself discards "appears to be injectable" leads it then finds to be false positives.
  if grep -q "sqlmap identified the following injection point" "$out"; then
    FOUND+=("$name"); echo "   INJECTION reported (see $out)"
  elif grep -q "all tested parameters do not appear to be injectable" "$out"; then
    CLEAN=$((CLEAN + 1)); echo "   nothing found"
  else
    UNCLEAR+=("$name"); echo "   inconclusive (time limit or error): $(grep -E '\[(CRITICAL|ERROR)\]|error:' "$out" | tail -1 | cut -c1-160)"
  fi
}

# List and search pages with query parameters.
# Query-string targets run two threads; form targets one (sqlmap fetches a fresh token per request).
GET_ARGS=(--threads=2)
FORM_ARGS=(--threads=1 --csrf-token=__af)
target "messages" "$HUMAS" "$BASE/pesan?q=hemat&status=Draft&misi=umum&antrean=saya&hal=1" "${GET_ARGS[@]}"
target "report-queue" "$HUMAS" "$BASE/verifikasi-laporan?status=Pending&pesan=1&unit=1&platform=X&bendera=x&hal=1" "${GET_ARGS[@]}"
target "public-responses" "$HUMAS" "$BASE/tanggapan-publik?status=Open&jenis=Question&pesan=1&unit=1&hal=1" "${GET_ARGS[@]}"
target "dialogic-summary" "$HUMAS" "$BASE/tanggapan-publik/ringkasan?dari=2026-01-01&sampai=2026-12-31" "${GET_ARGS[@]}"
target "link-statistics" "$HUMAS" "$BASE/statistik-tautan?pesan=1&platform=X&unit=1&hal=1" "${GET_ARGS[@]}"
target "schemes" "$HUMAS" "$BASE/skema-penghargaan?q=skema&hal=1" "${GET_ARGS[@]}"
target "account-queue" "$HUMAS" "$BASE/verifikasi-akun?platform=X&unit=1&hal=1" "${GET_ARGS[@]}"
target "periods" "$HUMAS" "$BASE/periode-penghargaan?cari=2026&status=Open&hal=1" "${GET_ARGS[@]}"
target "employees" "$HR" "$BASE/pegawai?q=budi&unit=1&jenis=Pns&status=Aktif&gol=III/a&agen=ya&urut=nama&hal=1" "${GET_ARGS[@]}"
target "agents" "$HR" "$BASE/agen?q=budi&status=Active&unit=1&persetujuan=ya&terverifikasi=ya&urut=nama&hal=1" "${GET_ARGS[@]}"
target "units" "$HR" "$BASE/unit-kerja?q=dinas&tutup=ya" "${GET_ARGS[@]}"
target "conduct-records" "$HR" "$BASE/catatan-disiplin?q=budi&jenis=x&status=x&hal=1" "${GET_ARGS[@]}"
target "users" "$ADMIN" "$BASE/admin/pengguna?q=demo&peran=Humas&status=aktif&urut=nama&hal=1" "${GET_ARGS[@]}"
target "audit-trail" "$ADMIN" "$BASE/admin/jejak-audit?aksi=x&pengguna=x&entitas=x&kunci=x&dari=2026-01-01&sampai=2026-12-31&hal=1" "${GET_ARGS[@]}"
target "verification-page" "" "$BASE/verifikasi?kode=ABCDEFGHJK" "${GET_ARGS[@]}" --ignore-code=404
# Forms (POST), each with a fresh antiforgery token from its page.
target "sign-in-form" "" "$BASE/akun/masuk" --data="Email=a%40b.test&Password=salah&__af=x" "${FORM_ARGS[@]}" --csrf-url="$BASE/akun/masuk" -p Email,Password
target "message-form" "$HUMAS" "$BASE/pesan/baru" --data="Title=Judul&PolicyReference=Perwali%201%2F2026&Mission=Transparansi&KeyMessage=Isi&CanonicalUrl=https%3A%2F%2Fcontoh.go.id%2Fa&Hashtags=uji&__af=x" "${FORM_ARGS[@]}" --csrf-url="$BASE/pesan/baru" -p Title,PolicyReference,KeyMessage,Hashtags
target "social-account-form" "$AGENT" "$BASE/agen/akun-media-sosial/baru" --data="Platform=X&Kind=Personal&ProfileUrl=https%3A%2F%2Fx.com%2Fuji&Handle=uji&Followers=10&Consent=true&__af=x" "${FORM_ARGS[@]}" --csrf-url="$BASE/agen/akun-media-sosial/baru" -p ProfileUrl,Handle,Followers
target "scheme-form" "$HUMAS" "$BASE/skema-penghargaan/baru" --data="Name=Skema&Description=Uraian&__af=x" "${FORM_ARGS[@]}" --csrf-url="$BASE/skema-penghargaan/baru" -p Name,Description

if ! kill -0 "$APP_PID" 2>/dev/null; then verdict "FAILED: the app died during the run (see $WORK/app.log)"; exit 2; fi
if grep -q "Unhandled exception\|An unhandled exception" "$WORK/app.log"; then
  echo "note: the app logged unhandled exceptions during the run (see $WORK/app.log)"
fi
if ((${#FOUND[@]} > 0)); then
  verdict "INJECTION FOUND in ${FOUND[*]} ($TESTED targets; log $LOG)"; exit 1
fi
if ((${#UNCLEAR[@]} > 0)); then
  verdict "no injection found, but ${#UNCLEAR[@]} of $TESTED targets were inconclusive (${UNCLEAR[*]}; log $LOG)"; exit 2
fi
verdict "nothing found: all $TESTED targets clean at level $LEVEL risk $RISK, no injectable parameter (log $LOG)"
