"""Runs the yangcli (yuma123) scripts of src/test/yangcli against a started server, in order, and
checks what yangcli prints: a second, independent NETCONF client for connect, lock, edit-config
(merge, create), commit, unlock and get-config (RFC 6241 §7.1, §7.2, §7.5, §7.6, §8.3.4).
Exits 1 on any mismatch."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import nctest
import peers

SCRIPTS = peers.MODULE_DIR / "src" / "test" / "yangcli"

# script -> (patterns that must appear, in order; patterns that must not appear)
EXPECT = {
    "01-lock-edit-commit.yangcli": (
        [r"NETCONF session established"] + [r"RPC OK Reply \d+"] * 5, [r"\bError:"]),
    "02-get-config.yangcli": (
        [r"NETCONF session established", r"RPC Data Reply", r"<name>Yangcli</name>",
         r"<sku>Y1</sku>", r"<title>Yarn</title>"], [r"\bError:"]),
    "03-create-existing.yangcli": (
        [r"NETCONF session established", r"RPC Error Reply", r"<error-tag>data-exists</error-tag>"],
        []),
}


def yangcli(target, script, home):
    cmd = ["yangcli", "--batch-mode", f"--run-script={script}", "--display-mode=xml",
           f"--server={target.host}", f"--ncport={target.port}", f"--user={target.user}",
           f"--yuma-home={home}", "--log-level=info", "--timeout=30"]
    if target.key_file:
        cmd += [f"--private-key={target.key_file}", f"--public-key={target.key_file}.pub",
                "--password=unused"]
    else:
        cmd += [f"--password={target.password}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=home,
                          env=dict(os.environ, HOME=home))
    return proc.returncode, proc.stdout + proc.stderr


def check(name, out):
    must, must_not = EXPECT[name]
    problems, pos = [], 0
    for pat in must:
        m = re.compile(pat).search(out, pos)
        if not m:
            problems.append(f"missing (in order): {pat}")
        else:
            pos = m.end()
    problems += [f"unexpected: {pat}" for pat in must_not if re.search(pat, out)]
    return problems


def main():
    failed = 0
    with nctest.server_fixture() as target, tempfile.TemporaryDirectory() as home:
        for script in sorted(SCRIPTS.glob("*.yangcli")):
            rc, out = yangcli(target, script, home)
            problems = check(script.name, out)
            print(f"{'PASS' if not problems else 'FAIL'} yangcli {script.name}", flush=True)
            if problems:
                failed += 1
                print("\n".join("  " + p for p in problems))
                print("  --- yangcli output ---\n" + out)
    print(f"yangcli: {len(EXPECT) - failed}/{len(EXPECT)} scripts passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
