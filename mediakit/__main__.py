"""``python -m mediakit``: the same as the ``mediakit`` command."""

from mediakit.commands.main import main

if __name__ == "__main__":
    main()
