"""A prefecture-level treatment panel with untreated controls, ready for a regression.

Run: python examples/treatment_panel.py   (needs skillrevival[pandas])
"""

from skillrevival import frames

cities = frames.cities()
treated = cities["prefecture_code"].unique().tolist()
# Controls: provincial capitals that are not on the roster (南京, 杭州, 合肥, 南昌, 济南).
controls = ["320100", "330100", "340100", "360100", "370100"]
panel = frames.treatment_panel(range(2012, 2020), level="prefecture", units=treated + controls)

print(f"{panel['adcode'].nunique()} prefecture-level units, {len(panel)} unit-years")
print(panel.groupby("year")["treated"].sum().to_string())
