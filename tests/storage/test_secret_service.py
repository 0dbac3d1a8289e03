"""The start path's D-Bus reader: its marshalling against the specification's layout, and addresses."""

from __future__ import annotations

import struct

from zsdesk.storage import secret_service as ss


def test_a_method_call_has_the_fixed_header_the_fields_and_an_8_aligned_body() -> None:
    body = ss._body("a{ss}", {"service": "zsdesk-db", "username": "k1"})
    message = ss._call(
        7, "/org/freedesktop/secrets", ss.SERVICE_INTERFACE, "SearchItems", ss.SERVICE, "a{ss}", body
    )
    assert message[:4] == b"l\x01\x00\x01"
    body_len, serial, fields_len = struct.unpack_from("<III", message, 4)
    assert (body_len, serial) == (len(body), 7)
    header_len = 16 + fields_len + (-(16 + fields_len) % 8)
    assert message[header_len:] == body and header_len % 8 == 0
    reader = ss._Reader(message, True)
    reader.pos = 12
    end = reader.end_of_array(8)
    fields = {}
    while reader.pos < end:
        reader.align(8)
        code = reader.byte()
        fields[code] = reader.simple(reader.signature())
    assert fields == {
        1: "/org/freedesktop/secrets",
        2: ss.SERVICE_INTERFACE,
        3: "SearchItems",
        6: ss.SERVICE,
        8: "a{ss}",
    }
    # a{ss}: the array length counts the entries only, not the padding to the first (8-aligned) one
    reader = ss._Reader(message, True)
    reader.pos = header_len
    end = reader.end_of_array(8)
    pairs = []
    while reader.pos < end:
        reader.align(8)
        pairs.append((reader.string(), reader.string()))
    assert pairs == [("service", "zsdesk-db"), ("username", "k1")] and end == len(message)


def test_a_big_endian_reply_reads_as_well() -> None:
    data = b"B" + bytes(3) + struct.pack(">I", 5) + b"abcde\x00"
    reader = ss._Reader(data, False)
    reader.pos = 4
    assert reader.string() == "abcde"


def test_addresses_unix_path_abstract_escapes_and_other_transports() -> None:
    assert ss._unix_address("unix:path=/run/user/1000/bus") == "/run/user/1000/bus"
    assert ss._unix_address("unix:abstract=/tmp/dbus-x%2cy,guid=ab") == b"\0/tmp/dbus-x,y"
    assert ss._unix_address("tcp:host=h,port=1;unix:path=/tmp/b") == "/tmp/b"
    assert ss._unix_address("tcp:host=h,port=1") is None


def test_no_bus_or_an_unreachable_one_answers_none(monkeypatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert ss.lookup({"service": "zsdesk-db", "username": "k"}) is None
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert ss.lookup({"service": "zsdesk-db", "username": "k"}) is None
