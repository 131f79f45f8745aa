import sys

from gonggao.cli import main

sys.exit(main())
