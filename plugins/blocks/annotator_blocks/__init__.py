"""The built-in ``blocks`` plugin (being written; registers nothing yet)."""
