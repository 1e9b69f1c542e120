"""The frozen command line's entry point (``kokoon``)."""

import sys

from kokoon_desktop.cli import main

sys.exit(main())
