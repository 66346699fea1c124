#!/usr/bin/env python3
"""A small TCP proxy between this application and its PostgreSQL server, to cut the application's own
connections (and no other build's) for a database-outage drill (db-outage.sh, README: Vận hành).

    python3 tcp_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT

SIGUSR1 cuts: every open connection is aborted (the server "went away") and new ones are closed at once.
SIGUSR2 restores: new connections are forwarded again. Each change is printed with its time.
"""
import asyncio
import signal
import sys
import time


class Proxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.up = True
        self.pairs = set()
        self.accepted = 0
        self.refused = 0

    async def handle(self, reader, writer):
        if not self.up:
            self.refused += 1
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self.accepted += 1
        pair = (writer, up_writer)
        self.pairs.add(pair)
        try:
            await asyncio.gather(self.pipe(reader, up_writer), self.pipe(up_reader, writer))
        finally:
            self.pairs.discard(pair)
            for w in pair:
                w.transport.abort()

    @staticmethod
    async def pipe(reader, writer):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError, asyncio.CancelledError):
            pass
        finally:
            writer.transport.abort()

    def cut(self):
        self.up = False
        cut = len(self.pairs)
        for pair in list(self.pairs):
            for w in pair:
                w.transport.abort()
        print(f"{time.time():.3f} proxy: cut ({cut} open connections aborted)", flush=True)

    def restore(self):
        self.up = True
        print(f"{time.time():.3f} proxy: restored (refused {self.refused} connections while cut)", flush=True)


async def main():
    listen_port, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    proxy = Proxy(host, port)
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, proxy.cut)
    loop.add_signal_handler(signal.SIGUSR2, proxy.restore)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", listen_port)
    print(f"{time.time():.3f} proxy: 127.0.0.1:{listen_port} -> {host}:{port}", flush=True)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
