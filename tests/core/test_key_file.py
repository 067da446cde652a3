"""The pseudonym key file: made in one step and private, refused when damaged, never replaced.

The other tests take the key from ``GRENSVERKEER_KEY``; these remove it, so the key file in the
test's own config folder is used.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from grensverkeer import pseudonym
from grensverkeer.errors import GrensverkeerError
from grensverkeer.pseudonym import Pseudonymizer, key_file, key_warnings, load_pseudonymizer

RECOVER = (
    "Zet de juiste sleutel terug uit uw reservekopie, of verwijder het bestand alleen als er "
    "nog geen gegevens zijn geïmporteerd: met een nieuwe sleutel worden eerder geïmporteerde "
    "leerlingen niet herkend."
)
GOOD_KEY = "0123456789abcdef" * 4 + "\n"
posix = pytest.mark.skipif(os.name == "nt", reason="mode bits are POSIX")


@pytest.fixture(autouse=True)
def key_from_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRENSVERKEER_KEY")
    pseudonym.noticed_key_warnings()  # none left over from another test


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_key(text: str | bytes, permissions: int = 0o600) -> Path:
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("ascii") if isinstance(text, str) else text)
    path.chmod(permissions)
    return path


@posix
def test_a_new_key_file_is_private_from_its_first_byte(monkeypatch) -> None:
    real_write = os.write
    modes_while_writing: list[int] = []

    def write(handle: int, data: bytes) -> int:
        modes_while_writing.append(stat.S_IMODE(os.fstat(handle).st_mode))
        return real_write(handle, data)

    previous = os.umask(0)  # even a careless umask gives no one else access
    try:
        with monkeypatch.context() as patch:
            patch.setattr(os, "write", write)
            first = load_pseudonymizer()
    finally:
        os.umask(previous)
    path = key_file()
    assert modes_while_writing == [0o600]
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    text = path.read_text(encoding="ascii")
    assert len(text) == 65 and text.endswith("\n") and int(text, 16) >= 0
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file
    assert load_pseudonymizer().fingerprint == first.fingerprint
    assert key_warnings() == []


def _no_room(after_bytes: int) -> Callable[[int, bytes], int]:
    """``os.write`` on a disk with ``after_bytes`` free: a short write, then ENOSPC."""
    real_write = os.write
    room = [after_bytes]

    def write(handle: int, data: bytes) -> int:
        if room[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        written = real_write(handle, bytes(data[: room[0]]))
        room[0] -= written
        return written

    return write


def _fsync_finds_no_room(_handle: int) -> None:
    """The data sat in the cache; writing it out finds the disk full."""
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("name", "failure"),
    [
        ("write", _no_room(0)),
        ("write", _no_room(20)),
        ("fsync", _fsync_finds_no_room),
    ],
    ids=["nothing-fits", "half-fits", "fsync"],
)
def test_a_full_disk_on_first_run_leaves_no_key_file(monkeypatch, name, failure) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(os, name, failure)
        with pytest.raises(GrensverkeerError) as raised:
            load_pseudonymizer()
    path = key_file()
    assert str(raised.value) == (
        f"De schijf is vol: de pseudoniemsleutel ‘{path}’ is niet opgeslagen; "
        "maak ruimte vrij en probeer opnieuw."
    )
    assert list(path.parent.iterdir()) == []  # no empty, half or temporary key file
    assert len(load_pseudonymizer().key) == 64  # with room again, the next start makes one


@posix
def test_a_key_file_others_may_read_warns_but_is_used(caplog, cli, tmp_path) -> None:
    from builders import school_list

    path = write_key(GOOD_KEY, 0o644)
    with caplog.at_level(logging.WARNING, logger="grensverkeer"):
        key = load_pseudonymizer()
    assert key.key == GOOD_KEY.strip().encode("ascii")
    (warning,) = key_warnings()
    assert f"Het sleutelbestand ‘{path}’ is leesbaar voor anderen" in warning
    assert "(rechten 644)" in warning and f"chmod 600 '{path}'" in warning
    assert warning in caplog.text
    pseudonym.noticed_key_warnings()

    code, _out, err = cli("--db", tmp_path / "db.sqlite", "import", school_list(tmp_path))
    assert code == 0
    assert f"Let op: {warning}" in err
    path.chmod(0o600)
    code, _out, err = cli("--db", tmp_path / "db.sqlite", "import", school_list(tmp_path))
    assert key_warnings() == [] and "Let op" not in err


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"", "is leeg"),
        (b"\n  \n", "is leeg"),
        (b"abc123\n", "is te kort (6 tekens; een sleutel heeft er minstens 32)"),
        (b"\x00" * 64, "is beschadigd"),
        ("é".encode() * 40, "is beschadigd"),
        (b"PK\x03\x04" + bytes(range(256)), "is beschadigd"),
        (b"0123456789abcdef0123\n456789abcdef0123456789abcdef\n", "is beschadigd"),
    ],
    ids=["empty", "blank", "short", "zeros", "not-ascii", "binary", "two-lines"],
)
def test_a_damaged_key_file_is_refused_with_a_way_out(content, what, cli, tmp_path) -> None:
    from builders import school_list

    path = write_key(content)
    with pytest.raises(GrensverkeerError) as raised:
        load_pseudonymizer()
    message = str(raised.value)
    assert message.startswith(f"Het sleutelbestand ‘{path}’ {what}")
    assert message.endswith(RECOVER)
    code, _out, err = cli("--db", tmp_path / "db.sqlite", "import", school_list(tmp_path))
    assert code == 2 and f"Fout: Het sleutelbestand ‘{path}’ {what}" in err
    assert path.read_bytes() == content  # never replaced by a new key


def test_a_folder_where_the_key_file_belongs(tmp_path) -> None:
    path = key_file()
    path.mkdir(parents=True)
    with pytest.raises(GrensverkeerError) as raised:
        load_pseudonymizer()
    assert str(raised.value).startswith(f"Het sleutelbestand ‘{path}’ is geen bestand maar een map")
    assert str(raised.value).endswith(RECOVER)
    assert path.is_dir() and list(path.iterdir()) == []


def test_an_unreadable_key_file(monkeypatch) -> None:
    path = write_key(GOOD_KEY)

    def refuse(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(GrensverkeerError) as raised:
        load_pseudonymizer()
    assert str(raised.value).startswith(
        f"Het sleutelbestand ‘{path}’ kan niet worden gelezen (geen toegang)."
    )
    monkeypatch.undo()
    assert path.read_text(encoding="ascii") == GOOD_KEY


def test_a_key_made_meanwhile_by_another_program_is_kept(monkeypatch) -> None:
    """Two first starts at once: the second does not overwrite the key the first wrote."""
    real_link = os.link

    def link(source: str, target: str) -> None:
        write_key(GOOD_KEY)  # the other program was just faster
        real_link(source, target)

    monkeypatch.setattr(os, "link", link)
    key = load_pseudonymizer()
    assert key.key == GOOD_KEY.strip().encode("ascii")
    assert [p.name for p in key_file().parent.iterdir()] == [key_file().name]


def test_the_environment_still_wins(monkeypatch) -> None:
    write_key(b"")
    monkeypatch.setenv("GRENSVERKEER_KEY", "f" * 40)
    assert load_pseudonymizer().key == b"f" * 40
    assert key_warnings() == []
    monkeypatch.setenv("GRENSVERKEER_KEY", "kort")
    with pytest.raises(GrensverkeerError, match="te kort"):
        load_pseudonymizer()


@pytest.mark.parametrize("key", [b"k" * 32, b"0123456789abcdef" * 4, bytes(range(200))])
def test_pseudonyms_are_hmac_sha256_of_the_bsn_under_any_key_length(key: bytes) -> None:
    """Pseudonyms in every database made so far are HMAC-SHA256(key, BSN)[:16] in hex; the
    faster computation must give exactly those, also for a key longer than a block."""
    bsns = ["111222333", "123456782", "999999990"]
    expected = [hmac.new(key, b.encode(), hashlib.sha256).hexdigest()[:32] for b in bsns]
    pseudonymize = Pseudonymizer(key)
    assert pseudonymize.many(bsns) == expected
    assert [pseudonymize(b) for b in bsns] == expected
