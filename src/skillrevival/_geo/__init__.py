"""China's administrative geography through time: the domain that knows nothing of the campaign.

Read top-down, each module importing only those below it and the shared leaves of the package
(errors, text, reading bundled files, the name index):

- ``geography``: :class:`Geography` and :func:`geography`, the year-by-year lists, read once;
- ``names``: finding records by the names and codes people type, narrowed by year and province;
- ``lineage``: which records are states of one unit (the tier rule, renames, new codes);
- ``records``: :class:`Place`, :class:`GeoSource`, the grouping codes;
- ``levels``: :class:`AdminLevel` and what a code is.

Nothing is imported here, so that importing one module loads no other.
"""
