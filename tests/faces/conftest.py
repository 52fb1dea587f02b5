"""The faces' tests: the engines' tests share the rows of ``registry_rows.py`` beside them."""

import sys
from pathlib import Path

# pytest imports the tests by path (--import-mode=importlib), so a module beside them is found
# only with its folder on the path.
sys.path.insert(0, str(Path(__file__).parent))
