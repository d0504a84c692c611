#!/usr/bin/env python3
"""The benchmark's 1,000-process machine: the embedded desktop profile plus worker pools (a web server's
PHP workers, database backends, a build farm's compilers and a browser's renderers), so that the process
table holds about 1,000 thread-group leaders, kernel threads included.

    profile1000.py DEFAULT_PROFILE_JSON > OUT.json
"""
import json
import sys

profile = json.load(open(sys.argv[1]))
processes = profile["processes"]


def pool(comm, cmdline, count, parent=None, **fields):
    entry = {"comm": comm, "cmdline": cmdline, "count": count, "rssKb": 9000, "vsizeKb": 60000}
    if parent is not None:
        entry["parent"] = parent
    entry.update(fields)
    processes.append(entry)


pool("php-fpm8.1", ["php-fpm: master process (/etc/php/8.1/fpm/php-fpm.conf)"], 1, rssKb=18000, vsizeKb=210000)
pool("php-fpm8.1", ["php-fpm: pool www"], 400, "php-fpm8.1", uid=33, gid=33, rssKb=14000, vsizeKb=220000)
pool("postgres", ["postgres: app appdb 10.0.2.15(51234) idle"], 200, "28", uid=113, gid=121,
     rssKb=12000, vsizeKb=230000, shmemKb=6000)
pool("make", ["make", "-j64"], 1, "bash", uid=1000, gid=1000, tty="pts/0", rssKb=4000, vsizeKb=12000)
pool("cc1plus", ["/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus", "-quiet", "-O2", "src/module.cc"], 150, "make",
     uid=1000, gid=1000, tty="pts/0", rssKb=30000, vsizeKb=90000)
pool("chrome", ["/opt/google/chrome/chrome", "--type=renderer"], 100, "systemd", uid=1000, gid=1000,
     rssKb=20000, vsizeKb=1200000, threads=2)

tasks = profile["tasks"]
tasks["bootForks"] = max(tasks["bootForks"], 4000)
tasks["threads"] = max(tasks["threads"], 1700)
json.dump(profile, sys.stdout, indent=1)
