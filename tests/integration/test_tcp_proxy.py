"""The tests' TCP proxy (tests/tcp_proxy.py) does what the outage tests rely on, in front of a
small echo server: away() refuses new connections and resets the open ones at both ends at
once, back() opens the same port again at once, and close() leaves no thread behind (before, its
threads and the server's end of every connection lived on until the end of the test run)."""

from __future__ import annotations

import queue
import socket
import sys
import threading
import time

import pytest
from tcp_proxy import TcpProxy  # noqa: E402 - tests/ on the path (conftest)

WAIT_S = 10.0


class _EchoServer:
    """Sends back what it receives; `ended` tells how each connection ended ("reset", "eof")."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.address = self.listener.getsockname()[:2]
        self.ended: queue.Queue[str] = queue.Queue()
        self.threads = [threading.Thread(target=self._serve, daemon=True)]
        self.connections: list[socket.socket] = []
        self.threads[0].start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            thread = threading.Thread(target=self._echo, args=(connection,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _echo(self, connection: socket.socket) -> None:
        try:
            while data := connection.recv(1024):
                connection.sendall(data)
            self.ended.put("eof")
        except ConnectionResetError:
            self.ended.put("reset")
        except OSError as error:
            self.ended.put(repr(error))

    def close(self) -> None:
        for sock in [self.listener, *self.connections]:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        for thread in self.threads:
            thread.join(WAIT_S)


@pytest.fixture
def echo():
    server = _EchoServer()
    yield server
    server.close()


@pytest.fixture
def proxy(echo):
    proxy = TcpProxy(echo.address)
    yield proxy
    proxy.close()


def _connect(proxy: TcpProxy) -> socket.socket:
    client = socket.create_connection(("127.0.0.1", proxy.port), timeout=WAIT_S)
    client.sendall(b"hello")
    assert client.recv(1024) == b"hello"  # through to the server and back
    return client


def _proxy_threads(before: set[threading.Thread]) -> list[str]:
    return [thread.name for thread in threading.enumerate()
            if thread not in before and thread.name.endswith(("(_accept)", "(_pipe)"))]


def _wait_until_accepting(before: set[threading.Thread]) -> None:
    """Until the proxy's accepting thread waits in accept() (where closing the port alone did not
    reach it), not still on its way there."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        frames = sys._current_frames()
        for thread in threading.enumerate():
            frame = frames.get(thread.ident or 0)
            if thread not in before and thread.name.endswith("(_accept)") and frame is not None \
                    and frame.f_code.co_name == "accept":
                return
        time.sleep(0.01)
    raise AssertionError("the proxy does not accept")


def test_away_refuses_new_connections_and_back_opens_the_same_port_at_once(echo):
    before = set(threading.enumerate())
    proxy = TcpProxy(echo.address)
    port = proxy.port
    _connect(proxy).close()
    _wait_until_accepting(before)
    proxy.away()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=WAIT_S)
    proxy.back()  # at once, no connection attempt in between (it was "Address already in use")
    assert proxy.port == port
    _connect(proxy).close()
    proxy.close()


def test_away_resets_an_open_connection_at_both_ends_at_once(proxy, echo):
    client = _connect(proxy)
    proxy.away()
    with pytest.raises(ConnectionResetError):  # before: no word until the client sent something
        client.recv(1024)
    assert echo.ended.get(timeout=WAIT_S) == "reset"  # the server's end (a database process) too
    client.close()


def test_one_end_closing_is_passed_on_as_an_orderly_goodbye(proxy, echo):
    client = _connect(proxy)
    client.shutdown(socket.SHUT_WR)
    assert echo.ended.get(timeout=WAIT_S) == "eof"
    assert client.recv(1024) == b""  # and the server's goodbye back to the client
    client.close()


def test_close_leaves_no_thread_of_the_proxy_behind(echo):
    before = set(threading.enumerate())
    proxy = TcpProxy(echo.address)
    clients = [_connect(proxy), _connect(proxy)]
    assert len(_proxy_threads(before)) == 5  # accepting, and both directions of each connection
    proxy.close()
    assert _proxy_threads(before) == []
    for client in clients:
        client.close()
