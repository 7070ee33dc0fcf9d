"""A TCP proxy in front of the test PostgreSQL server, so a test can take "the server" away from
the desk processes without touching the server others share (never restart or stop it):
`away()` resets every connection through the proxy and closes its port (as a server that was
switched off and answers no more: connection refused), `back()` opens the same port again.
`close()` ends every thread of the proxy, so no test leaves one behind (nor a server connection:
the server's end of each is reset too).

On Linux, closing a socket does not wake a thread blocked in its accept() or recv(): the socket
stays open as long as the call waits (the port kept accepting, back() found it in use, and each
connection's thread and server process lived on until the end of the test run). Hence a shutdown
first, which does wake them.
"""

from __future__ import annotations

import socket
import struct
import threading

from sqlalchemy.engine import make_url


class TcpProxy:
    def __init__(self, target: tuple[str, int], host: str = "127.0.0.1") -> None:
        self.target = target
        self.host = host
        self.port = 0
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.back()

    @classmethod
    def for_url(cls, url: str) -> tuple[TcpProxy, str]:
        """A proxy in front of the server of `url`, and the same address through the proxy."""
        parsed = make_url(url)
        proxy = cls((parsed.host or "127.0.0.1", parsed.port or 5432))
        return proxy, parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)

    def back(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._start(self._accept, listener)

    def away(self) -> None:
        assert self._listener is not None
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = self._sockets, []
        try:
            listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread: the port is closed now
        except OSError:
            pass
        listener.close()
        for sock in sockets:
            try:  # linger 0: a reset, as from a server that went away, not an orderly goodbye
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RD)  # wakes its thread's recv; sends nothing to the other end
                sock.close()  # the reset, once that thread let go of it
            except OSError:
                pass

    def close(self, timeout: float = 10.0) -> None:
        """Away for good: every connection reset, every thread of the proxy ended."""
        if self._listener is not None:
            self.away()
        with self._lock:
            threads, self._threads = self._threads, []
        for thread in threads:
            thread.join(timeout)

    def _start(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:  # went away while this one was connecting
                    client.close()
                    server.close()
                    continue
                self._sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                self._start(self._pipe, source, sink)

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:  # taken by away(), which resets both ends: no orderly goodbye here
                reset = source not in self._sockets
            for sock in () if reset else (source, sink):  # one end said goodbye: tell the other
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


if __name__ == "__main__":  # a proxy in another network namespace: tcp_proxy.py HOST PORT TARGET_HOST TARGET_PORT
    import sys
    import threading

    host, port, target_host, target_port = sys.argv[1:5]
    proxy = TcpProxy((target_host, int(target_port)), host)
    proxy.away()
    proxy.port = int(port)
    proxy.back()
    print("ready", flush=True)
    threading.Event().wait()  # serve until the test ends this process
