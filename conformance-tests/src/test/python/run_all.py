"""What `./mvnw verify` runs in conformance-tests: the ncclient suite, then the yangcli scripts.
Both always run; the exit status is 1 if either failed."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    if os.environ.get("YAMANO_CONFORMANCE_RUN"):
        # a build started by ./yamano from inside the suite: never start the suite again
        print("conformance suite already running in a parent process: skipped")
        sys.exit(0)
    os.environ["YAMANO_CONFORMANCE_RUN"] = "1"
    results = [subprocess.run([sys.executable, "-W", "ignore", str(HERE / script)] + extra,
                              cwd=HERE).returncode
               for script, extra in (("run_conformance.py", sys.argv[1:]), ("run_yangcli.py", []))]
    if any(results):
        print("\nNETCONF CONFORMANCE FAILED (ncclient suite rc=%d, yangcli rc=%d)" % tuple(results))
    sys.exit(1 if any(results) else 0)
