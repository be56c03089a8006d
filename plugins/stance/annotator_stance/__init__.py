"""The built-in ``stance``  plugin (being written; registers nothing yet)."""
