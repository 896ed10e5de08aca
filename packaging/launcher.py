"""The frozen bundle's entry point: the same `stressbreak.cli:main` as the installed script."""

import sys

from stressbreak.cli import main

if __name__ == "__main__":
    sys.exit(main())
