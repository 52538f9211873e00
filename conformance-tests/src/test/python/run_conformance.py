"""Runs the conformance suite: every test class in its own process (each starts its own server),
a few classes at a time; prints one line per test and a summary; exits 1 on any failure.

  python3 run_conformance.py [-j N] [pattern ...]     (pattern: test module or Module.Class)
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent


def classes(patterns):
    loader = unittest.TestLoader()
    suite = loader.discover(str(HERE), pattern="test_*.py", top_level_dir=str(HERE))
    found = []

    def walk(s):
        for t in s:
            if isinstance(t, unittest.TestSuite):
                walk(t)
            else:
                name = f"{type(t).__module__}.{type(t).__name__}"
                if name not in found:
                    found.append(name)
    walk(suite)
    # RESTCONF has its own runner (run_restconf.py), sharing one server across its classes
    found = [c for c in found if not c.startswith("test_restconf.")]
    if patterns:
        found = [c for c in found if any(c == p or c.startswith(p + ".") or c.split(".")[1] == p
                                         for p in patterns)]
    return found


def run_class(name):
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-W", "ignore", "-m", "unittest", "-v", name],
                          cwd=HERE, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    return name, proc.returncode, proc.stderr + proc.stdout, time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=int(os.environ.get("CONFORMANCE_JOBS", "3")))
    ap.add_argument("patterns", nargs="*")
    args = ap.parse_args()
    names = classes(args.patterns)
    if not names:
        print("no test classes match", args.patterns)
        return 1
    server = os.environ.get("CONFORMANCE_SERVER", "yamano")
    print(f"NETCONF conformance ({server}): {len(names)} test classes, {args.j} at a time",
          flush=True)
    if server == "yamano":
        # ./yamano builds what is stale; do that once here, not in parallel in every fixture
        subprocess.run([str(HERE.parents[2].parent / "yamano"), "serve", "--help"],
                       stdout=subprocess.DEVNULL, check=False, timeout=900)
    failed = []
    total = ok = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for name, rc, out, secs in pool.map(run_class, names):
            lines = [l for l in out.splitlines() if l.endswith((" ok", " FAIL", " ERROR",
                                                                 " skipped"))
                     or " ... " in l and l.rstrip().endswith(("ok", "FAIL", "ERROR"))]
            results = [l for l in out.splitlines() if l.startswith("test_") or " ... " in l]
            n_ok = sum(1 for l in out.splitlines() if l.rstrip().endswith("... ok")
                       or l.rstrip() == "ok")
            ran = [l for l in out.splitlines() if l.startswith("Ran ")]
            n = int(ran[0].split()[1]) if ran else 0
            total += n
            ok += n_ok if rc != 0 else n
            print(f"{'PASS' if rc == 0 else 'FAIL'} {name} ({n} tests, {secs:.1f} s)", flush=True)
            if rc != 0:
                failed.append((name, out))
            del lines, results
    for name, out in failed:
        print("=" * 70 + f"\n{name}\n" + "=" * 70)
        print(out)
    print(f"\nconformance: {len(names) - len(failed)}/{len(names)} classes passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
