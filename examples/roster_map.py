"""Draw the map of the implementing units into a PNG file.

Run: python examples/roster_map.py [OUTPUT.png]   (needs skillrevival[plot])
"""

import sys

import matplotlib

matplotlib.use("Agg")  # no window: write a file

from skillrevival import plots

output = sys.argv[1] if len(sys.argv) > 1 else "roster-map.png"
ax = plots.roster_map(labels="en", color_by="province")
ax.figure.savefig(output, dpi=150)
print(f"wrote {output}")
