"""Entry point: `python -m dvz_desktop` (Briefcase starts the module named like the app)."""

import sys

from dvz_desktop.app import main

sys.exit(main())
