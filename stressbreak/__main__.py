import sys

from stressbreak.cli import main

sys.exit(main())
