"""Draw the quota-by-province chart and the phases timeline side by side, into one PNG file.

Run: python examples/quota_chart.py [OUTPUT.png]   (needs skillrevival[plot])
"""

import sys

import matplotlib

matplotlib.use("Agg")  # no window: write a file

import matplotlib.pyplot as plt

from skillrevival import plots

output = sys.argv[1] if len(sys.argv) > 1 else "campaign.png"
fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 7), layout="constrained")
plots.quota_by_province(top)
plots.phases_timeline(bottom)
fig.savefig(output, dpi=120)
print(f"wrote {output}")
