"""``python -m kokoon_desktop.cli`` runs the ``kokoon`` command line."""

import sys

from kokoon_desktop.cli import main

sys.exit(main())
