"""Servers the conformance tests and the benchmark start: Yamano itself and Debian's netconfd.

Both are context managers that hand out a `Target` (host, port, user, password or key) and stop what
they started, in reverse order, even when the start fails half-way.
"""

import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
MODULE_DIR = HERE.parents[2]  # conformance-tests/
REPO_ROOT = MODULE_DIR.parent
YANG_DIR = MODULE_DIR / "src" / "test" / "yang"


@dataclass(frozen=True)
class Target:
    """Where a NETCONF server listens and how to log in."""

    host: str
    port: int
    user: str
    password: Optional[str] = None
    key_file: Optional[str] = None
    name: str = "server"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(host: str, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on {host}:{port} after {timeout:.0f} s")


def _stop(proc: subprocess.Popen, sig=signal.SIGINT, timeout: float = 15) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


class YamanoServer:
    """Starts `./yamano serve` on a free port with an empty data dir and the given model dirs.

    Waits for the "Yamano ready" line; stops with SIGINT (Ctrl-C), as a user would.
    """

    PASSWORD = "secret"

    def __init__(self, models=(YANG_DIR,), java_opts: Optional[str] = None, startup_timeout=120,
                 prepare=None):
        """prepare: called with the fresh data directory before the server starts."""
        self.models = [Path(m) for m in models]
        self.prepare = prepare
        self.java_opts = java_opts
        self.startup_timeout = startup_timeout
        self.proc: Optional[subprocess.Popen] = None
        self.data_dir: Optional[str] = None
        self.output: list[str] = []
        self.target: Optional[Target] = None
        self.restconf_port: Optional[int] = None

    def __enter__(self) -> Target:
        self.data_dir = tempfile.mkdtemp(prefix="yamano-conformance-")
        if self.prepare is not None:
            self.prepare(self.data_dir)
        port = free_port()
        self.restconf_port = free_port()
        cmd = [str(REPO_ROOT / "yamano"), "serve", "--data-dir", self.data_dir,
               "--netconf-port", str(port), "--listen", "127.0.0.1",
               "--cli-port", str(free_port()), "--restconf-port", str(self.restconf_port)]
        for m in self.models:
            cmd += ["--models", str(m)]
        env = dict(os.environ, YAMANO_ADMIN_PASSWORD=self.PASSWORD)
        if self.java_opts:
            env["YAMANO_JAVA_OPTS"] = self.java_opts
        self.proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1)
        lines: "queue.Queue[Optional[str]]" = queue.Queue()

        def pump():
            for line in self.proc.stdout:
                self.output.append(line)
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + self.startup_timeout
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no 'Yamano ready' line after %d s" % self.startup_timeout)
                try:
                    line = lines.get(timeout=left)
                except queue.Empty:
                    continue
                if line is None:
                    raise RuntimeError("yamano serve exited with %s before it was ready:\n%s"
                                       % (self.proc.wait(), "".join(self.output)))
                if line.startswith("Yamano ready"):
                    break
            wait_for_port("127.0.0.1", port, 10)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        self.target = Target("127.0.0.1", port, "admin", password=self.PASSWORD, name="Yamano")
        return self.target

    def __exit__(self, *exc):
        if self.proc is not None:
            _stop(self.proc, signal.SIGINT)
        if self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        return False


class NetconfdServer:
    """Debian's netconfd (yuma123) behind a private OpenSSH sshd on loopback.

    sshd runs the `netconf` subsystem (`netconf-subsystem`), which connects to netconfd's UNIX
    socket; netconfd's `--port` equals the SSH port. Login as the current user with a key that is
    generated here; host keys, the socket, netconfd's home and its data live in a temp dir.
    One netconfd offers either :candidate (target="candidate") or :writable-running ("running").
    """

    SSHD = "/usr/sbin/sshd"
    NETCONFD = "/usr/sbin/netconfd"
    SUBSYSTEM = "/usr/sbin/netconf-subsystem"

    def __init__(self, modules, target="candidate", extra_args=()):
        self.modules = [Path(m).resolve() for m in modules]
        self.target_db = target
        self.extra_args = list(extra_args)
        self.dir: Optional[Path] = None
        self.procs: list[subprocess.Popen] = []

    def __enter__(self) -> Target:
        for tool in (self.SSHD, self.NETCONFD, self.SUBSYSTEM):
            if not os.access(tool, os.X_OK):
                raise FileNotFoundError(f"{tool} is missing (Debian packages netconfd, openssh-server)")
        self.dir = Path(tempfile.mkdtemp(prefix="netconfd-peer-"))
        try:
            return self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _start(self) -> Target:
        d = self.dir
        os.chmod(d, 0o700)
        port = free_port()
        sock = d / "ncxserver.sock"
        for kind in ("rsa", "ed25519"):
            subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", str(d / f"host_{kind}")],
                           check=True)
        subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-m", "PEM", "-N", "",
                        "-f", str(d / "client_rsa")], check=True)
        shutil.copy(d / "client_rsa.pub", d / "authorized_keys")
        (d / "sshd_config").write_text(
            f"""Port {port}
ListenAddress 127.0.0.1
HostKey {d}/host_rsa
HostKey {d}/host_ed25519
PidFile {d}/sshd.pid
AuthorizedKeysFile {d}/authorized_keys
PubkeyAuthentication yes
# yangcli's libssh2 (1.10) signs and verifies with ssh-rsa (SHA-1) only
PubkeyAcceptedAlgorithms +ssh-rsa
HostKeyAlgorithms +ssh-rsa
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
MaxSessions 200
MaxStartups 200:30:400
LogLevel ERROR
Subsystem netconf "{self.SUBSYSTEM} --ncxserver-sockname={port}@{sock}"
""")
        home = d / "yuma-home"
        (home / "data").mkdir(parents=True)
        (home / "modules").mkdir()
        for m in self.modules:
            shutil.copy(m, home / "modules" / m.name)
        cmd = [self.NETCONFD, f"--port={port}", f"--ncxserver-sockname={sock}",
               f"--yuma-home={home}", f"--modpath={home / 'modules'}:/usr/share/yuma/modules",
               f"--target={self.target_db}", "--no-startup", "--access-control=off",
               "--log-level=" + os.environ.get("NETCONFD_LOG_LEVEL", "error"), f"--log={d / 'netconfd.log'}", "--max-sessions=400",
               "--superuser=" + _user(), "--with-startup=true"]
        for m in self.modules:
            cmd.append(f"--module={home / 'modules' / m.name}")
        cmd += self.extra_args
        if os.getuid() == 0 and not os.path.isdir("/run/sshd"):
            os.makedirs("/run/sshd", mode=0o755)  # sshd's privilege separation dir (as its service does)
        log = open(d / "netconfd.out", "w")
        self.procs.append(subprocess.Popen(cmd, cwd=d, stdout=log, stderr=subprocess.STDOUT,
                                           env=dict(os.environ, HOME=str(home))))
        deadline = time.monotonic() + 30
        while not sock.exists():
            if self.procs[0].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("netconfd did not start: "
                                   + (d / "netconfd.out").read_text()[-2000:]
                                   + (d / "netconfd.log").read_text()[-2000:]
                                   if (d / "netconfd.log").exists() else "")
            time.sleep(0.05)
        self.procs.append(subprocess.Popen([self.SSHD, "-D", "-e", "-f", str(d / "sshd_config")],
                                           stdout=subprocess.DEVNULL,
                                           stderr=open(d / "sshd.log", "w")))
        wait_for_port("127.0.0.1", port, 10)
        return Target("127.0.0.1", port, _user(), key_file=str(d / "client_rsa"),
                      name=f"netconfd ({self.target_db})")

    def __exit__(self, *exc):
        for p in reversed(self.procs):
            _stop(p, signal.SIGTERM, 10)
        self.procs.clear()
        if self.dir and not os.environ.get("KEEP_PEER_DIR"):
            shutil.rmtree(self.dir, ignore_errors=True)
        return False


def _user() -> str:
    import pwd
    return pwd.getpwuid(os.getuid()).pw_name
