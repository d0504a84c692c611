# Turns the benchmark's raw samples ("metric target round value") into a table on stderr and JSON on
# stdout. A value is the median over rounds; a ratio is the median of the per-round uprocfs/other ratios.

function median(list,    n, a, i, j, t) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  if (n == 0) return ""
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}

function fmt(v) { return v == "" ? "-" : (v >= 100 ? sprintf("%.0f", v) : sprintf("%.2f", v)) }
function ratio(m, t,    list, r) {
  list = ""
  for (r = 1; r <= rounds[m]; r++)
    if ((m, "uprocfs", r) in v && (m, t, r) in v && v[m, t, r] > 0)
      list = list " " v[m, "uprocfs", r] / v[m, t, r]
  return median(list)
}
function json(x) { return x == "" ? "null" : x }

{
  v[$1, $2, $3] = $4 + 0
  samples[$1, $2] = samples[$1, $2] " " ($4 + 0)
  if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 }
  if ($3 > rounds[$1]) rounds[$1] = $3
}

END {
  unit["read_meminfo_t1"] = "ops/s"; goal["read_meminfo_t1"] = ">= 1.0x C, >= 2.5x LXCFS"
  unit["read_meminfo_t2"] = "ops/s"; goal["read_meminfo_t2"] = ">= 1.0x C, >= 2.5x LXCFS"
  unit["read_cpuinfo_t1"] = "ops/s"; unit["read_cpuinfo_t2"] = "ops/s"; unit["cat_meminfo"] = "ops/s"
  unit["write_echo"] = "ops/s"; goal["write_echo"] = ">= 1.0x C"
  unit["stream16m_4k"] = "MB/s"; unit["stream16m_128k"] = "MB/s"; goal["stream16m_128k"] = ">= 0.9x C"
  unit["mount_ms"] = "ms"; goal["mount_ms"] = "< 400"
  unit["rss_idle_kib"] = "KiB"; goal["rss_idle_kib"] = "<= 65536"
  unit["rss_after_reads_kib"] = "KiB"; goal["rss_after_reads_kib"] = "<= 98304 after " many " reads"
  unit["garbage_bytes_per_read"] = "B/op"; goal["garbage_bytes_per_read"] = "<= 4096"
  for (p = 1; p <= 2; p++) {
    prof = p == 1 ? "desktop" : "1000"
    unit["ps_aux_" prof] = "runs/s"; goal["ps_aux_" prof] = ">= 1.0x C"
    unit["top_" prof] = "runs/s"; goal["top_" prof] = ">= 1.0x C"
    unit["psutil_" prof] = "iter/s"; goal["psutil_" prof] = ">= 1.0x C"
  }
  unit["top_refresh_cpu_ms_1000"] = "ms"; goal["top_refresh_cpu_ms_1000"] = "reported (daemon CPU per refresh)"
  split("uprocfs kernel lxcfs cfs", targets, " ")

  line = sprintf("%-24s %-6s %10s %10s %10s %10s %9s %9s %9s  %s", "metric", "unit", "uprocfs", "kernel",
                 "lxcfs", "C FS", "u/kernel", "u/lxcfs", "u/C", "target")
  print line > "/dev/stderr"
  gsub(/./, "-", line); print line > "/dev/stderr"
  printf "{\n  \"quick\": %s,\n  \"metrics\": {\n", quick ? "true" : "false"
  for (i = 1; i <= count; i++) {
    m = order[i]
    for (k = 1; k <= 4; k++) med[targets[k]] = median(samples[m, targets[k]])
    rk = ratio(m, "kernel"); rl = ratio(m, "lxcfs"); rc = ratio(m, "cfs")
    printf "%-24s %-6s %10s %10s %10s %10s %9s %9s %9s  %s\n", m, unit[m], fmt(med["uprocfs"]), fmt(med["kernel"]),
           fmt(med["lxcfs"]), fmt(med["cfs"]), fmt(rk), fmt(rl), fmt(rc), goal[m] > "/dev/stderr"
    printf "    \"%s\": {\"unit\": \"%s\", \"target\": \"%s\", \"median\": {", m, unit[m], goal[m]
    sep = ""
    for (k = 1; k <= 4; k++) { printf "%s\"%s\": %s", sep, targets[k], json(med[targets[k]]); sep = ", " }
    printf "}, \"ratio\": {\"uprocfs/kernel\": %s, \"uprocfs/lxcfs\": %s, \"uprocfs/cfs\": %s}, \"samples\": {",
           json(rk), json(rl), json(rc)
    sep = ""
    for (k = 1; k <= 4; k++) if ((m, targets[k]) in samples) {
      s = samples[m, targets[k]]; sub(/^ /, "", s); gsub(/ /, ", ", s)
      printf "%s\"%s\": [%s]", sep, targets[k], s; sep = ", "
    }
    printf "}}%s\n", i < count ? "," : ""
  }
  printf "  }\n}\n"
}
