#!/bin/sh
# Print the path of a Python X.Y interpreter (the argument, e.g. 3.12), found as pythonX.Y on
# PATH or as the newest pyenv install of that version; print nothing and fail when there is none.
version="$1"
for candidate in "python$version" \
  "$(pyenv root 2>/dev/null)/versions/$(pyenv latest "$version" 2>/dev/null)/bin/python$version"; do
  if "$candidate" -c 'import sys; print(sys.executable)' 2>/dev/null; then
    exit 0
  fi
done
exit 1
