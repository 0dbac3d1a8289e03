"""Reading one secret from the Linux Secret Service over D-Bus, small enough for the start path.

Why not jeepney here: importing it (with the `socket` module's enums) costs ≈6 ms, the largest item
between `zsdesk` and its first paint once the database is encrypted. This module speaks only what
reading an item keyring wrote needs — SASL EXTERNAL, Hello, OpenSession("plain"), SearchItems and
GetSecrets — over `_socket` and `struct`. Anything else (another transport, a locked item, an
error reply, a timeout) returns None, and the caller asks `keyring` itself, which uses jeepney.

The wire format is the D-Bus specification's: a 16-byte fixed header, header fields as
`a(yv)`, the body aligned to 8; every value aligned to its own size (structs and dict entries to 8).
"""

from __future__ import annotations

import os
import struct
from typing import Any

SERVICE = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
SERVICE_INTERFACE = "org.freedesktop.Secret.Service"
TIMEOUT_S = 5.0
_MAX_MESSAGE = 1 << 20  # a reply this small program asks for is a few hundred bytes

# Header field codes (D-Bus specification, "Message Format").
_PATH, _INTERFACE, _MEMBER, _ERROR_NAME, _REPLY_SERIAL, _DESTINATION, _SIGNATURE = 1, 2, 3, 4, 5, 6, 8
_METHOD_CALL, _METHOD_RETURN = 1, 2


class _Writer:
    """Marshals values little-endian, each aligned to its size from the start of the message."""

    def __init__(self) -> None:
        self.buf = bytearray()

    def align(self, n: int) -> None:
        self.buf.extend(b"\0" * (-len(self.buf) % n))

    def byte(self, value: int) -> None:
        self.buf.append(value)

    def uint32(self, value: int) -> None:
        self.align(4)
        self.buf.extend(struct.pack("<I", value))

    def string(self, value: str) -> None:  # also an object path ("o")
        data = value.encode()
        self.uint32(len(data))
        self.buf.extend(data + b"\0")

    def signature(self, value: str) -> None:
        self.buf.append(len(value))
        self.buf.extend(value.encode() + b"\0")

    def array(self, items: list[Any], element_alignment: int, write_item: Any) -> None:
        self.uint32(0)  # length, filled in below: the bytes after the padding to the first element
        at = len(self.buf) - 4
        self.align(element_alignment)
        start = len(self.buf)
        for item in items:
            write_item(item)
        struct.pack_into("<I", self.buf, at, len(self.buf) - start)


class _Reader:
    """Unmarshals a message's bytes; offsets count from the message start, as alignment does."""

    def __init__(self, data: bytes, little: bool) -> None:
        self.data, self.pos, self.order = data, 0, "<" if little else ">"

    def align(self, n: int) -> None:
        self.pos += -self.pos % n

    def byte(self) -> int:
        self.pos += 1
        return self.data[self.pos - 1]

    def uint32(self) -> int:
        self.align(4)
        (value,) = struct.unpack_from(self.order + "I", self.data, self.pos)
        self.pos += 4
        return int(value)

    def string(self) -> str:
        size = self.uint32()
        text = self.data[self.pos : self.pos + size].decode()
        self.pos += size + 1
        return text

    def signature(self) -> str:
        size = self.byte()
        text = self.data[self.pos : self.pos + size].decode()
        self.pos += size + 1
        return text

    def bytes_(self) -> bytes:  # "ay"
        size = self.uint32()
        value = self.data[self.pos : self.pos + size]
        self.pos += size
        return bytes(value)

    def end_of_array(self, element_alignment: int) -> int:
        size = self.uint32()
        self.align(element_alignment)
        return self.pos + size

    def simple(self, code: str) -> Any:
        """A basic value of a header field or a variant: s, o, g or u (all this program meets)."""
        if code in ("s", "o"):
            return self.string()
        if code == "g":
            return self.signature()
        if code == "u":
            return self.uint32()
        raise ValueError(code)


def _call(
    serial: int, path: str, interface: str, member: str, destination: str, sig: str, body: bytes
) -> bytes:
    fields: list[tuple[int, str, Any]] = [
        (_PATH, "o", path),
        (_INTERFACE, "s", interface),
        (_MEMBER, "s", member),
        (_DESTINATION, "s", destination),
    ]
    if sig:
        fields.append((_SIGNATURE, "g", sig))
    head = _Writer()
    head.buf.extend(b"l" + bytes([_METHOD_CALL, 0, 1]))
    head.uint32(len(body))
    head.uint32(serial)

    def field(item: tuple[int, str, Any]) -> None:
        code, kind, value = item
        head.align(8)
        head.byte(code)
        head.signature(kind)
        if kind == "g":
            head.signature(value)
        else:
            head.string(value)

    head.array(fields, 8, field)
    head.align(8)
    return bytes(head.buf) + body


class _Bus:
    """One authenticated connection to the session bus (unix sockets only)."""

    def __init__(self, address: str) -> None:
        import _socket

        target = _unix_address(address)
        if target is None:
            raise OSError("unsupported D-Bus address")
        self.sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT_S)
        self.serial = 0
        self.pending = b""
        try:
            self.sock.connect(target)
            uid = str(os.getuid()).encode().hex().encode()
            self.sock.sendall(b"\0AUTH EXTERNAL " + uid + b"\r\n")
            if not self._line().startswith(b"OK "):
                raise OSError("D-Bus authentication refused")
            self.sock.sendall(b"BEGIN\r\n")
            self.call("/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello", "org.freedesktop.DBus")
        except BaseException:
            self.sock.close()
            raise

    def close(self) -> None:
        self.sock.close()

    def _recv(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise OSError("D-Bus connection closed")
        self.pending += chunk

    def _line(self) -> bytes:
        while b"\r\n" not in self.pending:
            self._recv()
        line, _, self.pending = self.pending.partition(b"\r\n")
        return line

    def _message(self) -> tuple[int, dict[int, Any], _Reader]:
        while len(self.pending) < 16:
            self._recv()
        little = self.pending[:1] == b"l"
        order = "<" if little else ">"
        kind = self.pending[1]
        body_len, _serial, fields_len = struct.unpack_from(order + "III", self.pending, 4)
        header_len = 16 + fields_len + (-(16 + fields_len) % 8)
        total = header_len + body_len
        if total > _MAX_MESSAGE:
            raise OSError("D-Bus message too large")
        while len(self.pending) < total:
            self._recv()
        data, self.pending = self.pending[:total], self.pending[total:]
        reader = _Reader(data, little)
        reader.pos = 12
        end = reader.end_of_array(8)
        fields: dict[int, Any] = {}
        while reader.pos < end:
            reader.align(8)
            code = reader.byte()
            fields[code] = reader.simple(reader.signature())
        reader.pos = header_len
        return kind, fields, reader

    def call(
        self, path: str, interface: str, member: str, destination: str, sig: str = "", body: bytes = b""
    ) -> _Reader:
        """Send one method call and wait for its reply (signals in between are skipped)."""
        self.serial += 1
        self.sock.sendall(_call(self.serial, path, interface, member, destination, sig, body))
        while True:
            kind, fields, reader = self._message()
            if fields.get(_REPLY_SERIAL) != self.serial:
                continue  # NameAcquired and other signals
            if kind != _METHOD_RETURN:
                raise OSError(f"D-Bus error {fields.get(_ERROR_NAME)}")
            return reader


def _unix_address(address: str) -> str | bytes | None:
    """The socket of the first `unix:path=` or `unix:abstract=` address (None for other transports)."""
    for entry in address.split(";"):
        transport, _, params = entry.partition(":")
        if transport != "unix":
            continue
        values = dict(p.partition("=")[::2] for p in params.split(",") if p)
        if "path" in values:
            return _unescape(values["path"]).decode()
        if "abstract" in values:
            return b"\0" + _unescape(values["abstract"])
    return None


def _unescape(value: str) -> bytes:
    """D-Bus addresses escape bytes as %xx."""
    out, i = bytearray(), 0
    while i < len(value):
        if value[i] == "%":
            out += bytes.fromhex(value[i + 1 : i + 3])
            i += 3
        else:
            out += value[i].encode()
            i += 1
    return bytes(out)


def _body(sig: str, *values: Any) -> bytes:
    """The body of the three calls below ("sv" with an empty string, "a{ss}", "aoo")."""
    w = _Writer()
    if sig == "sv":
        w.string(values[0])
        w.signature("s")
        w.string(values[1])
    elif sig == "a{ss}":

        def entry(item: tuple[str, str]) -> None:
            w.align(8)
            w.string(item[0])
            w.string(item[1])

        w.array(sorted(values[0].items()), 8, entry)
    elif sig == "aoo":
        w.array(list(values[0]), 4, w.string)
        w.string(values[1])
    # The body is aligned from its own start, which the header pads to 8: the offsets agree.
    return bytes(w.buf)


def lookup(attributes: dict[str, str]) -> str | None:
    """The secret of the first unlocked item with exactly these attributes, or None."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if not address:
        return None
    try:
        bus = _Bus(address)
    except (OSError, ValueError):
        return None
    try:
        service = (SERVICE_PATH, SERVICE_INTERFACE)
        reply = bus.call(*service, "OpenSession", SERVICE, "sv", _body("sv", "plain", ""))
        kind = reply.signature()  # the variant's type, then the algorithm's (empty) output
        reply.bytes_() if kind == "ay" else reply.simple(kind)
        session = reply.string()
        reply = bus.call(*service, "SearchItems", SERVICE, "a{ss}", _body("a{ss}", attributes))
        end = reply.end_of_array(4)
        unlocked = []
        while reply.pos < end:
            unlocked.append(reply.string())
        if not unlocked:
            return None  # none, or only locked ones: keyring can ask to unlock
        reply = bus.call(*service, "GetSecrets", SERVICE, "aoo", _body("aoo", unlocked[:1], session))
        end = reply.end_of_array(8)
        while reply.pos < end:
            reply.align(8)
            item = reply.string()
            reply.align(8)  # the (oayays) struct
            reply.string()  # its session
            reply.bytes_()  # parameters (none for "plain")
            value = reply.bytes_()
            reply.string()  # content type
            if item == unlocked[0]:
                return value.decode("utf-8")
        return None
    except (OSError, ValueError, UnicodeDecodeError, struct.error, IndexError):
        return None
    finally:
        bus.close()
