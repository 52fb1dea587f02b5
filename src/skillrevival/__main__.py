"""``python -m skillrevival``: the same as the ``skillrevival`` command."""

import sys

from ._cli import main

sys.exit(main())
