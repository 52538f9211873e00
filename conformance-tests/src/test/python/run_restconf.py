"""What `./mvnw verify` runs for RESTCONF in conformance-tests: test_restconf.py (curl against a
started server). Exits 1 on any failure."""

import os
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    if os.environ.get("YAMANO_CONFORMANCE_RUN"):
        print("conformance suite already running in a parent process: skipped")
        sys.exit(0)
    os.environ["YAMANO_CONFORMANCE_RUN"] = "1"
    sys.path.insert(0, str(HERE))
    suite = unittest.defaultTestLoader.loadTestsFromName("test_restconf")
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        print("\nRESTCONF CONFORMANCE FAILED")
    sys.exit(0 if result.wasSuccessful() else 1)
