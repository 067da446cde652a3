"""``python -m grensverkeer``: the same as the ``grensverkeer`` command."""

import sys

from grensverkeer.cli import main

sys.exit(main())
