"""A real SMTP server on loopback for the escalation tests (aiosmtpd, Debian python3-aiosmtpd).

Each accepted message is written to FOLDER as one .eml file (written to a temporary name, then renamed, so a
reader never sees half a file). --defer N answers the first N messages with 451 (try again later);
--reject answers every message with 550. Prints "READY" once listening; stops when stdin closes.
"""
import argparse
import os
import sys
import uuid

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, folder, defer, reject):
        self.folder = folder
        self.defer = defer
        self.reject = reject

    async def handle_DATA(self, server, session, envelope):
        if self.reject:
            return "550 5.7.1 Rejected by test receiver"
        if self.defer > 0:
            self.defer -= 1
            return "451 4.3.0 Deferred by test receiver, try again later"
        name = uuid.uuid4().hex
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(b"X-Test-Rcpt-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 2.0.0 Accepted by test receiver"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--defer", type=int, default=0)
    parser.add_argument("--reject", action="store_true")
    args = parser.parse_args()
    controller = Controller(Handler(args.folder, args.defer, args.reject), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
