"""The 2015 campaign (人社部函〔2015〕67号): its model, rules, documents and vocabulary.

It stands above the geography (:mod:`skillrevival._geo`) and may use it; the geography never
uses it. Read top-down:

- ``loader`` and ``vocabulary``: reading documents and the bundled campaign; the notice's terms;
- ``breakage``, ``tables``: what the strategies and the tables and files need;
- ``converter``, ``fast``, ``rules``: structuring a document, quickly or with every problem;
- ``model``: the frozen classes (:class:`Campaign`, :class:`Roster`, :class:`City` ...);
- ``join``: where the roster meets the geography (which places are implementing units,
  matching other people's lists);
- ``dates``: strict ISO dates.

Nothing is imported here, so that importing one module loads no other.
"""
