"""``python -m analysis_utils.report --corpus DIR --out reports``: build the HTML report (see ``build``)."""

import sys

from .build import main

sys.exit(main())
