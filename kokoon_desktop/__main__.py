"""``python -m kokoon_desktop`` starts the desktop app."""

import sys

from kokoon_desktop.app import main

sys.exit(main())
