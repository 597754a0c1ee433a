"""``python -m claimdesk``: the same as the ``claimdesk`` command."""

from claimdesk.tui.cli import main

if __name__ == "__main__":
    main()
