#!/usr/bin/env python3
"""CPU time per thread group of a process, from /proc/<pid>/task/*/stat.

  threadcpu.py snapshot <pid> <file>          writes the current per-thread CPU ticks to <file>
  threadcpu.py diff <pid> <file> <requests>   prints CPU per thread group since the snapshot, in
                                              microseconds per request (groups: thread name without
                                              trailing digits, e.g. "http-nio-18301-exec-")
Benchmark tool only.
"""
import json
import os
import re
import sys

HZ = os.sysconf("SC_CLK_TCK")


def threads(pid):
    result = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        # fields[11] = utime, fields[12] = stime (stat fields 14 and 15)
        result[tid] = (name, int(fields[11]), int(fields[12]))
    return result


def main():
    mode, pid, path = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "snapshot":
        with open(path, "w") as f:
            json.dump(threads(pid), f)
        return
    requests = int(sys.argv[4])
    with open(path) as f:
        before = json.load(f)
    groups = {}
    for tid, (name, user, system) in threads(pid).items():
        b = before.get(tid, (name, 0, 0))
        group = re.sub(r"\d+$", "", name)
        g = groups.setdefault(group, [0, 0])
        g[0] += user - b[1]
        g[1] += system - b[2]
    total_user = sum(g[0] for g in groups.values())
    total_sys = sum(g[1] for g in groups.values())
    per = lambda ticks: ticks / HZ / max(requests, 1) * 1e6
    print(f"gateway CPU per delivery by thread group (user + system; process total user {per(total_user):.0f} us, "
          f"system {per(total_sys):.0f} us; exited threads not counted):")
    for group, (user, system) in sorted(groups.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if user + system == 0:
            continue
        print(f"  {group:32s} {per(user):6.0f} + {per(system):5.0f} us")


if __name__ == "__main__":
    main()
