"""Moves the clock of every Python child process of a test run started with a shifted "today".

tests/conftest.py puts this folder on PYTHONPATH and DESK_TEST_CLOCK_SHIFT (seconds) into the
environment when the suite runs with `--today` / DESK_TEST_TODAY; a child Python process (spawned
workers, the command line) imports this file at start-up and moves its clock by the same amount,
so parent and children agree on what "now" is. Without that variable this file does nothing.
"""

import os

_shift = os.environ.get("DESK_TEST_CLOCK_SHIFT")
if _shift:
    import time

    import time_machine

    time_machine.travel(time.time() + float(_shift), tick=True).start()
    # time-machine's clock starts ticking at the first reading after start(), not at start():
    # read it now, or this process runs behind the parent by its start-up time (imports ~1 s),
    # and a child's "acknowledged at" would come before a parent's moment it actually followed
    time.time()
