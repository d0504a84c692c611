#!/usr/bin/env bash
# The end-to-end benchmark: the same C loops over uprocfs, the kernel's /proc, LXCFS and a minimal C
# libfuse2 file system, in alternating rounds, with ratios per round and their median.
# Run it through the launcher: ./uprocfs bench [--quick]. Results: integration-tests/target/bench/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LAUNCHER="$ROOT/uprocfs"
OUT="$ROOT/integration-tests/target/bench"
BIN="$OUT/bin"

QUICK=0; PROCESSES_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --processes) PROCESSES_ONLY=1 ;;
    *) echo "usage: ./uprocfs bench [--quick] [--processes]" >&2; exit 2 ;;
  esac
done
if [ "$QUICK" -eq 1 ]; then
  ROUNDS=3; SECONDS_PER_RUN=0.3; MOUNTS=3; MANY_READS=100000; GARBAGE_OPS=50000; WARMUP=2
  PROC_ROUNDS=3; PROC_SECONDS=1; TOP_REFRESHES=5
else
  ROUNDS=5; SECONDS_PER_RUN=1; MOUNTS=5; MANY_READS=1000000; GARBAGE_OPS=200000; WARMUP=4
  PROC_ROUNDS=5; PROC_SECONDS=3; TOP_REFRESHES=10
fi

say() { printf 'bench: %s\n' "$*" >&2; }

WORK="$(mktemp -d /tmp/uprocfs-bench.XXXXXX)"
UMNT="$WORK/uprocfs"; LMNT="$WORK/lxcfs"; CMNT="$WORK/cfs"; CONTENT="$WORK/content"
mkdir -p "$UMNT" "$LMNT" "$CMNT" "$CONTENT" "$BIN" "$OUT"
RAW="$OUT/raw.txt"; : > "$RAW"
LXCFS_PID=""; CFS_PID=""; TREE_PIDS=""

cleanup() {
  set +e
  mountpoint -q "$UMNT" && "$LAUNCHER" umount "$UMNT" >/dev/null 2>&1
  for m in "$WORK"/proc-u-*; do mountpoint -q "$m" && "$LAUNCHER" umount "$m" >/dev/null 2>&1; done
  for m in "$WORK"/proc-c-*; do mountpoint -q "$m" && fusermount -u "$m"; done
  for p in $TREE_PIDS; do wait "$p" 2>/dev/null; done
  [ -n "$LXCFS_PID" ] && kill "$LXCFS_PID" 2>/dev/null && wait "$LXCFS_PID" 2>/dev/null
  mountpoint -q "$LMNT" && fusermount -u "$LMNT"
  mountpoint -q "$CMNT" && fusermount -u "$CMNT"
  [ -n "$CFS_PID" ] && wait "$CFS_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

say "compiling the loop program and the C FUSE file system"
gcc -Wall -Wextra -O2 -o "$BIN/loop" "$HERE/loop.c" -lpthread
# shellcheck disable=SC2046
gcc -Wall -Wextra -O2 $(pkg-config --cflags fuse) -o "$BIN/cfs" "$HERE/cfs.c" $(pkg-config --libs fuse)

now_ms() { date +%s%3N; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
record() { echo "$1 $2 $3 $4" >> "$RAW"; }   # metric target round value

# The same options as uprocfs mounts with, for the C file systems.
FUSE_OPTS="direct_io,big_writes,max_write=131072,max_read=131072,use_ino,fsname=cfs,subtype=cfs"

if [ "$PROCESSES_ONLY" -eq 0 ]; then
  # Mount to ready, as a user sees it: the launcher's mount command until it returns.
  say "mount to ready: $MOUNTS mounts"
  for i in $(seq 1 "$MOUNTS"); do
    start=$(now_ms)
    # The 16 MiB fixture needs a render cap above the default quarter of the 64 MiB heap.
    "$LAUNCHER" mount --modules selftest --render-cap 24M "$UMNT" > "$WORK/mount.out"
    record mount_ms uprocfs "$i" $(( $(now_ms) - start ))
    [ "$i" -lt "$MOUNTS" ] && "$LAUNCHER" umount "$UMNT" >/dev/null
  done
  UPID=$(sed -n 's/.*daemon pid \([0-9]*\).*/\1/p' "$WORK/mount.out")

  sleep 2
  record rss_idle_kib uprocfs 1 "$(rss_kib "$UPID")"

  for f in meminfo_like:meminfo cpuinfo_like:cpuinfo blob16m:blob16m; do
    cat "$UMNT/selftest/${f%%:*}" > "$CONTENT/${f##*:}"
  done
  "$BIN/cfs" "$CONTENT" "$CMNT" -f -o "$FUSE_OPTS" &
  CFS_PID=$!
  if command -v lxcfs >/dev/null 2>&1; then
    lxcfs -f -p "$WORK/lxcfs.pid" "$LMNT" > "$WORK/lxcfs.log" 2>&1 &
    LXCFS_PID=$!
  fi
  for _ in $(seq 1 100); do
    [ -e "$CMNT/meminfo" ] && { [ -z "$LXCFS_PID" ] || [ -e "$LMNT/proc/meminfo" ]; } && break
    sleep 0.05
  done
  [ -e "$CMNT/meminfo" ] || { say "the C file system did not come up"; exit 1; }
  cmp -s "$UMNT/selftest/blob16m" "$CMNT/blob16m" || { say "uprocfs and the C FS serve different bytes"; exit 1; }

  path() {   # path FILE TARGET
    case "$1:$2" in
      meminfo:uprocfs) echo "$UMNT/selftest/meminfo_like" ;;
      cpuinfo:uprocfs) echo "$UMNT/selftest/cpuinfo_like" ;;
      blob16m:uprocfs) echo "$UMNT/selftest/blob16m" ;;
      scratch:uprocfs) echo "$UMNT/selftest/scratch" ;;
      meminfo:kernel|cpuinfo:kernel) echo "/proc/$1" ;;
      meminfo:lxcfs|cpuinfo:lxcfs) [ -n "$LXCFS_PID" ] && echo "$LMNT/proc/$1" ;;
      *:cfs) echo "$CMNT/$1" ;;
    esac
    return 0
  }

  rate() { "$BIN/loop" "$@" | sed -n 's/^rate=\([0-9.]*\).*/\1/p'; }

  # measure METRIC FILE TARGETS LOOP-ARGS...: ROUNDS rounds, the target order reversed every other round.
  measure() {
    local metric=$1 file=$2 targets=$3; shift 3
    say "$metric"
    for round in $(seq 1 "$ROUNDS"); do
      local order=$targets
      [ $((round % 2)) -eq 0 ] && order=$(echo "$targets" | tr ' ' '\n' | tac | tr '\n' ' ')
      for target in $order; do
        local p; p=$(path "$file" "$target")
        [ -z "$p" ] && continue
        record "$metric" "$target" "$round" "$(rate "$1" "$p" "${@:2}")"
      done
    done
  }

  say "warming up the daemon's JIT for ${WARMUP}s"
  "$BIN/loop" read "$(path meminfo uprocfs)" "$WARMUP" 2 >/dev/null
  "$BIN/loop" read "$(path cpuinfo uprocfs)" 1 2 >/dev/null
  "$BIN/loop" write "$(path scratch uprocfs)" 1 "42" >/dev/null
  "$BIN/loop" stream "$(path blob16m uprocfs)" 1 131072 >/dev/null

  ALL="uprocfs kernel lxcfs cfs"
  measure read_meminfo_t1 meminfo "$ALL" read "$SECONDS_PER_RUN" 1
  measure read_meminfo_t2 meminfo "$ALL" read "$SECONDS_PER_RUN" 2
  measure read_cpuinfo_t1 cpuinfo "$ALL" read "$SECONDS_PER_RUN" 1
  measure read_cpuinfo_t2 cpuinfo "$ALL" read "$SECONDS_PER_RUN" 2
  measure cat_meminfo meminfo "$ALL" cat "$SECONDS_PER_RUN"
  measure write_echo scratch "uprocfs cfs" write "$SECONDS_PER_RUN" "42"
  # Garbage per open+read+close: bytes allocated in eden (jstat) over a fixed number of operations.
  jstat_gc() { jstat -gc "$UPID" | awk 'NR == 2 {print $5, $6, $13, $15}'; }   # EC EU YGC FGC
  if command -v jstat >/dev/null 2>&1; then
    say "garbage per open+read+close over $GARBAGE_OPS reads"
    read -r _ eu0 ygc0 fgc0 <<< "$(jstat_gc)"
    "$BIN/loop" count "$(path meminfo uprocfs)" "$GARBAGE_OPS" 1 >/dev/null
    read -r ec1 eu1 ygc1 fgc1 <<< "$(jstat_gc)"
    record garbage_bytes_per_read uprocfs 1 "$(awk -v ec="$ec1" -v eu0="$eu0" -v eu1="$eu1" -v gcs=$((ygc1 - ygc0 + fgc1 - fgc0)) \
      -v n="$GARBAGE_OPS" 'BEGIN {printf "%.0f", ((eu1 - eu0) + gcs * ec) * 1024 / n}')"
  fi

  measure stream16m_4k blob16m "uprocfs cfs" stream "$SECONDS_PER_RUN" 4096
  measure stream16m_128k blob16m "uprocfs cfs" stream "$SECONDS_PER_RUN" 131072

  say "RSS after $MANY_READS reads"
  "$BIN/loop" count "$(path meminfo uprocfs)" "$MANY_READS" 2 >/dev/null
  record rss_after_reads_kib uprocfs 1 "$(rss_kib "$UPID")"
  record rss_after_reads_kib cfs 1 "$(rss_kib "$CFS_PID")"
  [ -n "$LXCFS_PID" ] && record rss_after_reads_kib lxcfs 1 "$(rss_kib "$LXCFS_PID")"
fi

# The process rows: ps aux, top -b -n 1 and psutil.process_iter() with /proc bound to each file system in a
# private mount namespace, over the desktop profile (the embedded one) and over a 1,000-process profile. The
# reference is cfs --tree serving a static copy of the same tree (procsnap.py) with the same mount options.
PY=""
for py in python3 /usr/bin/python3; do
  "$py" -c 'import psutil' >/dev/null 2>&1 && { PY=$py; break; }
done
[ -z "$PY" ] && PY=/usr/bin/python3
# in_proc MOUNT CMD...: CMD with MOUNT over /proc, in a mount namespace of its own.
in_proc() { local m=$1; shift; unshare -m sh -c 'mount --bind "$0" /proc && exec "$@"' "$m" "$@"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of a daemon, in USER_HZ ticks

python3 "$HERE/profile1000.py" "$ROOT/providers/src/main/resources/org/uprocfs/providers/hardware/default-machine.json" \
  > "$WORK/profile-1000.json"
for profile in desktop 1000; do
  pu="$WORK/proc-u-$profile"; pc="$WORK/proc-c-$profile"; copy="$WORK/copy-$profile"
  mkdir -p "$pu" "$pc"
  machine=()
  [ "$profile" = 1000 ] && machine=(--machine "$WORK/profile-1000.json")
  "$LAUNCHER" mount "${machine[@]}" "$pu" > "$WORK/mount-$profile.out"
  pudaemon=$(sed -n 's/.*daemon pid \([0-9]*\).*/\1/p' "$WORK/mount-$profile.out")
  say "processes, $profile profile: copying the tree for the C file system"
  copied=$("$PY" "$HERE/procsnap.py" "$pu" "$copy")
  "$BIN/cfs" --tree "$copy" "$pc" -f -o "$FUSE_OPTS" &
  pcdaemon=$!
  TREE_PIDS="$TREE_PIDS $pcdaemon"
  for _ in $(seq 1 100); do [ -e "$pc/1/stat" ] && break; sleep 0.05; done
  [ -e "$pc/1/stat" ] || { say "the C tree file system did not come up"; exit 1; }
  say "processes, $profile profile: $(ls "$pu" | grep -c '^[0-9]') pids on uprocfs, $copied in the copy; warming up"
  for _ in 1 2 3; do in_proc "$pu" ps aux >/dev/null; in_proc "$pu" top -b -n 1 >/dev/null; done
  in_proc "$pu" "$PY" "$HERE/psiter.py" 1 >/dev/null
  for client in ps_aux top psutil; do
    case $client in
      ps_aux) cmd=("$BIN/loop" run "$PROC_SECONDS" ps aux) ;;
      top) cmd=("$BIN/loop" run "$PROC_SECONDS" top -b -n 1) ;;
      psutil) cmd=("$PY" "$HERE/psiter.py" "$PROC_SECONDS") ;;
    esac
    metric="${client}_$profile"
    say "$metric"
    for round in $(seq 1 "$PROC_ROUNDS"); do
      order="uprocfs:$pu cfs:$pc"
      [ $((round % 2)) -eq 0 ] && order="cfs:$pc uprocfs:$pu"
      for tm in $order; do
        record "$metric" "${tm%%:*}" "$round" "$(in_proc "${tm#*:}" "${cmd[@]}" | sed -n 's/^rate=\([0-9.]*\).*/\1/p')"
      done
    done
  done
  if [ "$profile" = 1000 ]; then
    # The daemon's CPU time (utime + stime from the host's /proc) over TOP_REFRESHES refreshes of top -d 1.
    say "daemon CPU per top -d 1 refresh over $TOP_REFRESHES refreshes"
    hz=$(getconf CLK_TCK)
    for round in 1 2; do
      order="uprocfs:$pu:$pudaemon cfs:$pc:$pcdaemon"
      [ "$round" -eq 2 ] && order="cfs:$pc:$pcdaemon uprocfs:$pu:$pudaemon"
      for tmd in $order; do
        IFS=: read -r target mnt daemon <<< "$tmd"
        before=$(cpu_ticks "$daemon")
        in_proc "$mnt" top -b -d 1 -n "$TOP_REFRESHES" >/dev/null
        after=$(cpu_ticks "$daemon")
        record top_refresh_cpu_ms_1000 "$target" "$round" \
          "$(awk -v t=$((after - before)) -v hz="$hz" -v n="$TOP_REFRESHES" 'BEGIN {printf "%.1f", t * 1000 / hz / n}')"
      done
    done
  fi
  "$LAUNCHER" umount "$pu" >/dev/null
  fusermount -u "$pc"
done

awk -v quick="$QUICK" -v many="$MANY_READS" -f "$HERE/report.awk" "$RAW" > "$OUT/results.json.tmp" 2> "$OUT/table.txt"
mv "$OUT/results.json.tmp" "$OUT/results.json"
cat "$OUT/table.txt"
say "results in ${OUT#"$ROOT"/}/results.json and table.txt (raw samples: raw.txt)"
