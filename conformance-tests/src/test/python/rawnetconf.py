"""A minimal NETCONF client on raw paramiko: SSH subsystem, <hello>, and both framings of RFC 6242.

No polling and no parsing beyond what framing needs, so it serves the framing tests (which must send
bytes a library would never send) and the benchmark (which must not time a library's sleeps).
"""

import socket
import time

from xml.etree import ElementTree

import paramiko

BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0"
BASE_10 = "urn:ietf:params:netconf:base:1.0"
BASE_11 = "urn:ietf:params:netconf:base:1.1"
EOM = b"]]>]]>"


class SessionClosed(Exception):
    """The server closed the channel (or the whole SSH connection)."""


def client_hello(capabilities=(BASE_10, BASE_11), extra=""):
    caps = "".join(f"<capability>{c}</capability>" for c in capabilities)
    return (f'<?xml version="1.0" encoding="UTF-8"?><hello xmlns="{BASE_NS}">'
            f"<capabilities>{caps}</capabilities>{extra}</hello>")


class RawSession:
    """One NETCONF session over its own SSH connection."""

    # netconfd (yuma123 2.13) drops an <rpc> that arrives in the same read as the client's <hello>:
    # wait this long after our <hello> (not counted in any timing).
    HELLO_PAUSE = 0.005

    def __init__(self, target, capabilities=(BASE_10, BASE_11), timeout=30.0, hello=None):
        self.timeout = timeout
        self._buf = b""
        self._message_id = 0
        self.chunked = False
        sock = socket.create_connection((target.host, target.port), timeout=timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.transport = paramiko.Transport(sock)
        self.transport.start_client(timeout=timeout)
        if target.key_file:
            key = paramiko.RSAKey.from_private_key_file(target.key_file)
            self.transport.auth_publickey(target.user, key)
        else:
            self.transport.auth_password(target.user, target.password)
        self.channel = self.transport.open_session(timeout=timeout)
        self.channel.settimeout(timeout)
        self.channel.invoke_subsystem("netconf")
        self.server_hello = self.recv()
        server_hello = ElementTree.fromstring(self.server_hello)
        self.session_id = int(server_hello.findtext(f"{{{BASE_NS}}}session-id"))
        self.server_capabilities = [(c.text or "").strip() for c in server_hello.iter(
            f"{{{BASE_NS}}}capability")]
        self.send(hello if hello is not None else client_hello(capabilities))
        self.hello_done = time.perf_counter()
        self.chunked = BASE_11 in capabilities and BASE_11 in self.server_capabilities
        time.sleep(self.HELLO_PAUSE)

    # --- framing (RFC 6242 §4.2 chunked, §4.3 end-of-message) ---

    def send_bytes(self, data: bytes) -> None:
        self.channel.sendall(data)

    def send(self, message: str) -> None:
        data = message.encode("utf-8")
        if self.chunked:
            self.send_bytes(b"\n#%d\n" % len(data) + data + b"\n##\n")
        else:
            self.send_bytes(data + EOM)

    def _fill(self) -> None:
        try:
            data = self.channel.recv(1 << 20)
        except socket.timeout:
            raise TimeoutError("no reply after %.0f s" % self.timeout)
        if not data:
            raise SessionClosed("the server closed the session")
        self._buf += data

    def recv(self) -> str:
        if not self.chunked:
            while True:
                end = self._buf.find(EOM)
                if end >= 0:
                    msg, self._buf = self._buf[:end], self._buf[end + len(EOM):]
                    return msg.decode("utf-8")
                self._fill()
        parts = []
        pos = 0
        while True:
            while len(self._buf) - pos < 4 or b"\n" not in self._buf[pos + 2:pos + 14]:
                self._fill()
            if self._buf[pos:pos + 2] != b"\n#":
                raise ValueError("bad chunk header: %r" % self._buf[pos:pos + 20])
            nl = self._buf.index(b"\n", pos + 2)
            size = self._buf[pos + 2:nl]
            if size == b"#":
                self._buf = self._buf[nl + 1:]
                return b"".join(parts).decode("utf-8")
            n = int(size)
            while len(self._buf) < nl + 1 + n:
                self._fill()
            parts.append(self._buf[nl + 1:nl + 1 + n])
            pos = nl + 1 + n

    def is_closed(self, wait: float = 5.0) -> bool:
        """Whether the server closes the channel within `wait` seconds (reading what arrives)."""
        deadline = time.monotonic() + wait
        self.channel.settimeout(0.2)
        try:
            while time.monotonic() < deadline:
                try:
                    data = self.channel.recv(65536)
                except socket.timeout:
                    continue
                if not data:
                    return True
                self._buf += data
            return False
        finally:
            self.channel.settimeout(self.timeout)

    # --- RPCs ---

    def next_message_id(self) -> str:
        self._message_id += 1
        return str(self._message_id)

    def rpc(self, body: str, message_id=None) -> str:
        """Sends <rpc> with the operation `body` and returns the matching <rpc-reply> text."""
        mid = message_id or self.next_message_id()
        self.send(f'<rpc xmlns="{BASE_NS}" message-id="{mid}">{body}</rpc>')
        return self.recv()

    def ping(self, attempts=5, wait=2.0) -> None:
        """Makes sure the server answers (netconfd may drop the first <rpc> after <hello>, see
        HELLO_PAUSE): sends a get-config that selects nothing until one is answered."""
        for k in range(attempts):
            mid = f"ping-{k}"
            self.send(f'<rpc xmlns="{BASE_NS}" message-id="{mid}"><get-config><source><running/>'
                      f'</source><filter type="subtree"/></get-config></rpc>')
            saved, self.timeout = self.timeout, wait
            self.channel.settimeout(wait)
            try:
                while f'message-id="{mid}"' not in self.recv():
                    pass
                return
            except TimeoutError:
                continue
            finally:
                self.timeout = saved
                self.channel.settimeout(saved)
        raise TimeoutError(f"no answer to {attempts} pings")

    def close(self) -> None:
        try:
            if self.channel.get_transport() and not self.channel.closed:
                try:
                    self.rpc("<close-session/>")
                except Exception:
                    pass
        finally:
            self.transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
