"""Allow `python -m pii_guard`, identical to the `pii-guard` command."""

from pii_guard.cli import run

if __name__ == "__main__":
    run()
