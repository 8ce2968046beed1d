"""The preview's refusal of an address it cannot listen at is Swedish, not the system's
English ("Address already in use")."""

from __future__ import annotations

import errno
import socket

from styrdok.adapters.mkdocs_run import address_problem


def test_a_port_already_in_use_is_said_in_swedish_with_another_port_to_try():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with socket.socket() as second:
            try:
                second.bind(("127.0.0.1", port))
            except OSError as exc:
                refused = exc
    message = address_problem("127.0.0.1", port, refused)
    assert refused.errno == errno.EADDRINUSE
    assert "adressen används redan" in message
    assert f"--adress 127.0.0.1:{port + 1}" in message
    assert "Address" not in message and "Errno" not in message


def test_an_error_without_its_own_wording_keeps_only_the_system_reason():
    message = address_problem("127.0.0.1", 8000, OSError(errno.ENETDOWN, "Network is down"))
    assert message.startswith("styrdok: fel: kan inte använda 127.0.0.1:8000: ")
    assert "Errno" not in message
