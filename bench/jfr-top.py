#!/usr/bin/env python3
"""Top frames of a JFR recording's CPU samples (jdk.ExecutionSample), for the per-request profile.

    bench/jfr-top.py recording.jfr [N]

Prints the N hottest self frames (top of stack) and the share of samples that pass through each layer of a
request (inclusive): Tomcat, Spring Security, observation, the app's filters, Jackson, the controller.
"""
import collections, re, subprocess, sys

jfr, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", jfr],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*line:")
thread = re.compile(r'sampledThread = "([^"]*)"')
stacks, cur, names = [], None, []
for line in text.splitlines():
    if line.startswith("jdk.ExecutionSample"):
        cur = []; stacks.append(cur); names.append("")
    elif cur is not None:
        m = frame.match(line)
        if m: cur.append(m.group(1))
        t = thread.search(line)
        if t: names[-1] = t.group(1)
# only request-handling threads (Tomcat's workers, "http-nio-...-exec-N"); record with
# -XX:FlightRecorderOptions:stackdepth=256 so that whole request stacks are kept
http = [s for s, name in zip(stacks, names) if s and "-exec-" in name]
total = len(http) or 1
print(f"{len(stacks)} samples, {len(http)} on HTTP request threads")
print(f"top {n} self frames (request threads):")
for f, c in collections.Counter(s[0] for s in http).most_common(n):
    print(f"  {100*c/total:5.1f}%  {f}")
# Each sample is charged to the first framework or app frame from the top of its stack (JDK frames are charged to
# their caller), so a filter that wraps the rest of the chain is charged only for its own work.
layers = [
    ("observation / micrometer", ("io.micrometer.", "org.springframework.http.server.observation.",
                                  "org.springframework.web.filter.ServerHttpObservationFilter")),
    ("spring security (own work)", ("org.springframework.security.",)),
    ("serialisation (jackson, converters)", ("tools.jackson.", "com.fasterxml.", "org.springframework.http.converter.")),
    ("app (filters, controllers, services)", ("io.tradergateway.",)),
    ("spring mvc + other servlet filters", ("org.springframework.web.", "org.springframework.http.",
                                          "org.springframework.core.", "org.springframework.util.")),
    ("tomcat container (mapping, filters, request)", ("org.apache.catalina.",)),
    ("tomcat http parsing + socket io", ("org.apache.coyote.", "org.apache.tomcat.", "sun.nio.", "sun.net.")),
]
charged = collections.Counter()
for st in http:
    for f in st:
        hit = next((name for name, prefixes in layers if f.startswith(prefixes)), None)
        if hit:
            charged[hit] += 1
            break
    else:
        charged["other"] += 1
print("self time by layer (request threads):")
for name, c in charged.most_common():
    print(f"  {100*c/total:5.1f}%  {name}")
