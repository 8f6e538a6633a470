"""``python -m neuron_tutorial``: the command line of neuron_tutorial.site.cli."""

import sys

from .site.cli import main

sys.exit(main())
