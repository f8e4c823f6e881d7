"""Entry point: `python -m dvz_desktop` (Briefcase starts the module named like the app)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The calendar's worker process starts this module again (spawn); in a frozen build it must stop
    # here and do the worker's job instead of opening a second window.
    multiprocessing.freeze_support()
    from dvz_desktop.app import main

    sys.exit(main())
