"""A throwaway PostgreSQL server for the tests and benchmarks, started from the machine's binaries.

``initdb`` in a temporary folder, ``pg_ctl start`` listening on loopback only, a fresh database
per test, everything removed on close. PostgreSQL refuses to run as root, so under root the
server commands run as the ``postgres`` user (``runuser``); the folder is handed to that user.

>>> binaries = server_binaries()  # doctest: +SKIP
>>> with LocalPostgres() as server:  # doctest: +SKIP
...     dsn = server.create_database("desk")
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

SEARCH_GLOB = "/usr/lib/postgresql/*/bin"
SERVER_USER = "postgres"


def server_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (the newest installed version), or None."""
    found = [Path(p) for p in sorted(Path("/").glob(SEARCH_GLOB.lstrip("/")), key=_version)]
    on_path = shutil.which("pg_ctl")
    if on_path:
        found.append(Path(on_path).parent)
    usable = [p for p in found if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    return usable[-1] if usable else None


def why_unavailable() -> str | None:
    """Why no local server can be started here (None when one can)."""
    if server_binaries() is None:
        return f"no PostgreSQL server binaries on this machine (looked in {SEARCH_GLOB} and PATH)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root and there is no {SERVER_USER!r} user to run the server as"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'claimdesk[desk]')"
    return None


def _version(path: Path) -> tuple[int, ...]:
    digits = path.parent.name
    return tuple(int(part) for part in digits.split(".") if part.isdigit()) or (0,)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LocalPostgres:
    """One PostgreSQL server on 127.0.0.1, in its own temporary folder, for as long as it is open.

    ``durable=False`` (the tests) turns off fsync: nothing here must survive a power cut.
    """

    def __init__(self, *, durable: bool = False) -> None:
        bindir = server_binaries()
        reason = why_unavailable()
        if bindir is None or reason:
            raise RuntimeError(reason or "no PostgreSQL server binaries")
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="claimdesk-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as_server_user = os.geteuid() == 0
        try:
            self._start(durable)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self._open = True

    def _start(self, durable: bool) -> None:
        if self._as_server_user:
            user = pwd.getpwnam(SERVER_USER)
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SERVER_USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-p {self.port}",
            f"-k {self.folder}",
            "-c max_connections=200",
        ]
        if not durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            " ".join(options),
            "start",
        )

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self._as_server_user:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{tail}"
            )

    def dsn(self, database: str = "postgres", user: str = SERVER_USER) -> str:
        """A connection URL for ``database`` as ``user`` on this server."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database ``name`` and return its connection URL."""
        import psycopg

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def close(self) -> None:
        """Stop the server at once and remove its folder."""
        if getattr(self, "_open", False):
            self._open = False
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            finally:
                shutil.rmtree(self.folder, ignore_errors=True)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LocalPostgres:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
