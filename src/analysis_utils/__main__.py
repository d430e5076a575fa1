"""``python -m analysis_utils``: see ``cli``."""

import sys

from .cli import main

sys.exit(main())
