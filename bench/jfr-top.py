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
stacks, cur = [], None
for line in text.splitlines():
    if line.startswith("jdk.ExecutionSample"):
        cur = []; stacks.append(cur)
    elif cur is not None:
        m = frame.match(line)
        if m: cur.append(m.group(1))
stacks = [s for s in stacks if s]
# only request-handling threads: stacks that went through Tomcat's request processing
http = [s for s in stacks if any("org.apache.coyote" in f for f in s)]
total = len(http) or 1
print(f"{len(stacks)} samples, {len(http)} on HTTP request threads")
print(f"top {n} self frames (request threads):")
for f, c in collections.Counter(s[0] for s in http).most_common(n):
    print(f"  {100*c/total:5.1f}%  {f}")
layers = collections.OrderedDict([
    ("spring security filter chain", "org.springframework.security."),
    ("observation / micrometer", "io.micrometer."),
    ("jackson serialisation", "tools.jackson."),
    ("app filters + controllers", "io.tradergateway."),
    ("spring mvc dispatch", "org.springframework.web.servlet.DispatcherServlet.doDispatch"),
    ("aop proxies", "org.springframework.aop."),
    ("tomcat socket io", "org.apache.tomcat.util.net."),
])
print("inclusive share by layer (request threads):")
for name, prefix in layers.items():
    c = sum(1 for s in http if any(f.startswith(prefix) for f in s))
    print(f"  {100*c/total:5.1f}%  {name}")
