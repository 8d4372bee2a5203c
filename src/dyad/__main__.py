"""``python -m dyad``: the same command line as the ``dyad`` script."""

from dyad.serve.cli import main

main()
