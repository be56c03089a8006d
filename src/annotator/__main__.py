"""``python -m annotator`` runs the command line, like the ``annotator`` script."""

from annotator.cli import main

main()
