"""The frozen GUI program's entry point (``kokoon-desktop``)."""

import sys

from kokoon_desktop.app import main

sys.exit(main())
