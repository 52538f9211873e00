"""NETCONF benchmark: one client workload against Yamano and Debian's netconfd (or any server given
host, port, user and password), printed as one table side by side with the Netopeer2 2.4.5
reference figures.

The client is raw paramiko with a minimal framing layer (src/test/python/rawnetconf.py): no library
polling is timed. Every server loads the same module (bench/yang/bench.yang: one list keyed by id).

  bench/run.sh                                  Yamano and netconfd, full sizes
  bench/run.sh --quick                          smaller counts (a smoke run)
  bench/run.sh --servers netconfd               one peer only
  bench/run.sh --target NAME=HOST:PORT:USER:PASSWORD [--datastore candidate|running]
"""

import argparse
import concurrent.futures
import statistics
import sys
import threading
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src" / "test" / "python"))

import peers  # noqa: E402
from rawnetconf import RawSession  # noqa: E402

BENCH_NS = "urn:example:bench"
NC = "urn:ietf:params:xml:ns:netconf:base:1.0"
CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0"
WRITABLE_RUNNING = "urn:ietf:params:netconf:capability:writable-running:1.0"

REFERENCE = {  # Netopeer2 2.4.5, 10k list entries, raw client
    "edit_commit_candidate": "11.2 ms",
    "bulk_10000": "0.22 s",
    "get_10000": "53 ms",
    "one_edit_10000": "44.5 ms",
}


class NotAvailable(Exception):
    """A row that cannot run against this server; the message says why."""


def items(start, count, value="v"):
    return "".join(f"<item><id>{i}</id><value>{value}{i}</value></item>"
                   for i in range(start, start + count))


def config(body, attrs=""):
    return f'<config><bench xmlns="{BENCH_NS}" xmlns:nc="{NC}"{attrs}>{body}</bench></config>'


class Client:
    """RawSession plus the few operations the workload needs; raises on any <rpc-error>."""

    def __init__(self, target, timeout=300):
        self.s = RawSession(target, timeout=timeout)
        self.s.ping()
        caps = self.s.server_capabilities
        self.candidate = CANDIDATE in caps
        self.writable_running = WRITABLE_RUNNING in caps

    def ok(self, body):
        reply = self.s.rpc(body)
        if "<ok" not in reply or "rpc-error" in reply:
            raise RuntimeError(f"rpc failed: {body[:200]} -> {reply[:800]}")
        return reply

    def edit(self, datastore, body, attrs=""):
        return self.ok(f"<edit-config><target><{datastore}/></target>{config(body, attrs)}"
                       "</edit-config>")

    def commit(self):
        return self.ok("<commit/>")

    def write(self, datastore, body, attrs=""):
        """One change made effective: edit + commit on candidate, edit on running."""
        self.edit(datastore, body, attrs)
        if datastore == "candidate":
            self.commit()

    def get_config_bench(self):
        reply = self.s.rpc(f'<get-config><source><running/></source><filter type="subtree">'
                           f'<bench xmlns="{BENCH_NS}"/></filter></get-config>')
        if "rpc-error" in reply:
            raise RuntimeError(reply[:800])
        return reply

    def close(self):
        self.s.close()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(x):
    return f"{x * 1000:.1f} ms" if x < 10 else f"{x:.1f} s"


def sec(x):
    return f"{x:.2f} s"


class Workload:
    def __init__(self, args):
        self.args = args

    def datastore_for(self, client, prefer):
        if prefer == "candidate" and client.candidate:
            return "candidate"
        if prefer == "running" and client.writable_running:
            return "running"
        raise NotAvailable(f"no :{'candidate' if prefer == 'candidate' else 'writable-running'}")

    def clear(self, target, ds):
        c = Client(target)
        try:
            c.write(ds, "", attrs=' nc:operation="remove"')
        finally:
            c.close()

    def session_setup(self, target):
        times = []
        for _ in range(self.args.setups):
            t0 = time.perf_counter()
            s = RawSession(target)
            times.append(s.hello_done - t0)
            s.close()
        return f"{ms(statistics.median(times))} (p99 {ms(pct(times, 99))})"

    def sequential_edits(self, target, prefer):
        c = Client(target)
        try:
            ds = self.datastore_for(c, prefer)
            times = []
            for i in range(self.args.edits):
                t0 = time.perf_counter()
                c.write(ds, items(i, 1))
                times.append(time.perf_counter() - t0)
        finally:
            c.close()
        self.clear(target, ds)
        return f"{ms(statistics.median(times))} (p99 {ms(pct(times, 99))})"

    def sized(self, target, size, results, key_suffix):
        """Bulk load of `size` entries, full get-config, one-entry edits into the full list."""
        c = Client(target)
        ds = "candidate" if c.candidate else ("running" if c.writable_running else None)
        if ds is None:
            raise NotAvailable("neither :candidate nor :writable-running")
        try:
            t0 = time.perf_counter()
            c.write(ds, items(0, size))
            self.last_bulk = time.perf_counter() - t0
            results[f"bulk_{size}"] = sec(self.last_bulk)
            gets = []
            for _ in range(3):
                t0 = time.perf_counter()
                reply = c.get_config_bench()
                gets.append(time.perf_counter() - t0)
            n = reply.count("<id>") + reply.count(":id>") // 2
            if n < size:
                raise RuntimeError(f"get-config returned {n} of {size} entries")
            results[f"get_{size}"] = ms(statistics.median(gets))
            edits = []
            deadline = time.perf_counter() + self.args.budget / 4
            for i in range(self.args.one_edits):
                if len(edits) >= 3 and time.perf_counter() > deadline:
                    break
                t0 = time.perf_counter()
                c.write(ds, items(size + i, 1))
                edits.append(time.perf_counter() - t0)
            self.last_one_edit = statistics.median(edits)
            results[f"one_edit_{size}"] = f"{ms(statistics.median(edits))}" + (
                f" ({ds})" if key_suffix else "")
        finally:
            c.close()
        self.clear(target, ds)

    def parallel(self, target, prefer):
        probe = Client(target)
        try:
            ds = self.datastore_for(probe, prefer)
        finally:
            probe.close()
        n, per = self.args.sessions, self.args.per_session
        clients = []
        try:
            with concurrent.futures.ThreadPoolExecutor(min(n, 16)) as pool:
                clients = list(pool.map(lambda _: Client(target), range(n)))
            start = threading.Barrier(n + 1)
            errors = []

            def work(k, c):
                start.wait()
                try:
                    for j in range(per):
                        c.write(ds, items(k * per + j, 1))
                except Exception as e:  # noqa: BLE001 - reported below
                    errors.append(e)

            threads = [threading.Thread(target=work, args=(k, c)) for k, c in enumerate(clients)]
            for t in threads:
                t.start()
            start.wait()
            t0 = time.perf_counter()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - t0
            if errors:
                raise RuntimeError(f"{len(errors)} sessions failed: {errors[0]}")
        finally:
            for c in clients:
                try:
                    c.close()
                except Exception:
                    pass
        self.clear(target, ds)
        return f"{n * per / elapsed:.0f} edits/s ({ds})"


ROWS = [
    ("setup", "session setup (SSH + hello), median"),
    ("edit_commit_candidate", "1,000 x one-entry edit-config + commit, candidate: median (p99)"),
    ("edit_running", "1,000 x one-entry edit-config, running: median (p99)"),
]


def run_server(name, targets, args):
    """targets: {'candidate': Target, 'running': Target} (one may be missing or the same)."""
    w = Workload(args)
    results = {}

    def attempt(key, fn):
        try:
            results[key] = fn()
        except NotAvailable as e:
            results[key] = f"n/a ({e})"
        except Exception as e:  # noqa: BLE001 - the table shows what failed
            results[key] = f"n/a ({type(e).__name__}: {str(e).splitlines()[0][:60]})"
            if args.verbose:
                traceback.print_exc()
        print(f"  {name}: {key} = {results[key]}", file=sys.stderr, flush=True)

    main = targets.get("candidate") or targets.get("running")
    attempt("setup", lambda: w.session_setup(main))
    cand = targets.get("candidate")
    attempt("edit_commit_candidate",
            lambda: w.sequential_edits(cand, "candidate") if cand
            else (_ for _ in ()).throw(NotAvailable("no :candidate")))
    run = targets.get("running")
    attempt("edit_running",
            lambda: w.sequential_edits(run, "running") if run
            else (_ for _ in ()).throw(NotAvailable("no :writable-running")))
    last = None  # (size, seconds of the bulk load, seconds of one edit) of the previous size
    for size in args.sizes:
        if last is not None:
            f = (size / last[0]) ** 2
            guess = max(last[1] * f, last[2] * f * 3)
            if guess > args.budget:
                reason = (f"n/a (skipped: at {last[0]:,} bulk {last[1]:.1f} s, one edit "
                          f"{last[2]:.1f} s; {size:,} would exceed {args.budget:.0f} s)")
                for k in ("bulk", "get", "one_edit"):
                    results[f"{k}_{size}"] = reason
                print(f"  {name}: {size} {reason}", file=sys.stderr, flush=True)
                continue
        try:
            w.sized(main, size, results, key_suffix=False)
            last = (size, w.last_bulk, w.last_one_edit)
        except NotAvailable as e:
            for k in ("bulk", "get", "one_edit"):
                results.setdefault(f"{k}_{size}", f"n/a ({e})")
        except Exception as e:  # noqa: BLE001
            for k in ("bulk", "get", "one_edit"):
                results.setdefault(f"{k}_{size}",
                                   f"n/a ({type(e).__name__}: {str(e).splitlines()[0][:60]})")
            if args.verbose:
                traceback.print_exc()
        for k in ("bulk", "get", "one_edit"):
            print(f"  {name}: {k}_{size} = {results.get(f'{k}_{size}')}", file=sys.stderr,
                  flush=True)
    par = targets.get("running") or targets.get("candidate")
    attempt("parallel", lambda: w.parallel(par, "running" if targets.get("running")
                                           else "candidate"))
    return results


def table(columns, args):
    rows = list(ROWS)
    for size in args.sizes:
        rows += [(f"bulk_{size}", f"bulk load of {size:,} entries (one edit)"),
                 (f"get_{size}", f"full get-config at {size:,} entries, median"),
                 (f"one_edit_{size}", f"one-entry edit (+commit) into {size:,} entries, median")]
    rows.append(("parallel", f"{args.sessions} parallel sessions x {args.per_session} edits"))
    names = [n for n, _ in columns] + ["Netopeer2 2.4.5 (ref)"]
    data = [[label] + [res.get(key, "n/a (not run)") for _, res in columns]
            + [REFERENCE.get(key, "")] for key, label in rows]
    widths = [max(len(r[i]) for r in data + [["workload"] + names]) for i in range(len(names) + 1)]
    line = " | ".join(h.ljust(w) for h, w in zip(["workload"] + names, widths))
    out = [line, "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in data]
    out.append("Netopeer2 reference: 10k-entry list, raw client, figures from the published run.")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--servers", default="yamano,netconfd")
    ap.add_argument("--target", action="append", default=[],
                    help="NAME=HOST:PORT:USER:PASSWORD of any NETCONF server (repeatable)")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--one-edits", type=int, default=50)
    ap.add_argument("--setups", type=int, default=20)
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--per-session", type=int, default=100)
    ap.add_argument("--quick", action="store_true", help="100 edits, sizes 1k/10k, 10x20 parallel")
    ap.add_argument("--budget", type=float, default=120,
                    help="seconds one sized step may take; larger sizes predicted (quadratic) "
                         "to exceed it are skipped as n/a")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.edits, args.sizes, args.sessions, args.per_session = 100, "1000,10000", 10, 20
        args.setups, args.one_edits = 5, 10
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    model = HERE / "yang"
    columns = []
    for spec in args.target:
        name, _, rest = spec.partition("=")
        host, port, user, password = rest.split(":", 3)
        t = peers.Target(host, int(port), user, password=password, name=name)
        print(f"benchmarking {name} ...", file=sys.stderr, flush=True)
        columns.append((name, run_server(name, {"candidate": t, "running": t}, args)))
    for server in [s for s in args.servers.split(",") if s and not args.target]:
        print(f"benchmarking {server} ...", file=sys.stderr, flush=True)
        try:
            if server == "yamano":
                with peers.YamanoServer(models=[model],
                                        java_opts="-Xmx2g -XX:+UseParallelGC") as t:
                    columns.append(("Yamano", run_server("Yamano", {"candidate": t, "running": t},
                                                         args)))
            elif server == "netconfd":
                y = model / "bench.yang"
                with peers.NetconfdServer([y], "candidate") as tc, \
                        peers.NetconfdServer([y], "running") as tr:
                    columns.append(("netconfd 2.13", run_server(
                        "netconfd", {"candidate": tc, "running": tr}, args)))
            else:
                raise SystemExit(f"unknown server {server}")
        except Exception as e:  # noqa: BLE001 - a server that does not start is a column of n/a
            reason = f"n/a (did not start: {str(e).splitlines()[0][:50]})"
            columns.append((server, {k: reason for k in ["setup", "edit_commit_candidate",
                                                         "edit_running", "parallel"]
                                     + [f"{p}_{s}" for s in args.sizes
                                        for p in ("bulk", "get", "one_edit")]}))
    print(table(columns, args))


if __name__ == "__main__":
    main()
