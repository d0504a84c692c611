#!/usr/bin/env python3
"""The psutil client: psutil.process_iter() with the attributes a process monitor asks for, again and again
for SECONDS (at least once), in one interpreter; prints "rate=R ops=N seconds=S" like loop.c."""
import sys
import time

import psutil

ATTRS = ["pid", "name", "username", "status", "cpu_percent", "memory_info", "num_threads", "cmdline"]
seconds = float(sys.argv[1])
start = time.monotonic()
ops = 0
while True:
    for p in psutil.process_iter(ATTRS):
        p.info
    ops += 1
    if time.monotonic() - start >= seconds:
        break
elapsed = time.monotonic() - start
print("rate=%.2f ops=%d seconds=%.3f bytes_per_op=0" % (ops / elapsed, ops, elapsed))
